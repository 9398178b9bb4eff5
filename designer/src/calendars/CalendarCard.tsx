import { CalendarOutlined, LinkOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import type { BusinessCalendarView, CalendarAdjustment, CalendarHoliday, CalendarYearView, Jurisdiction } from '../api/api.types.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { calendarsMessages } from './calendars.messages.ts';
import { provisionalYears } from './calendar-years.ts';

const originColours: Record<string, string> = { builtIn: 'blue', stored: 'purple', override: 'cyan' };

/**
 * One business calendar: its origin, time zone, working hours and the jurisdictions naming it;
 * the years with a holiday notice (source, document number, issue date, link; shipped or loaded
 * at run time) with their holidays; which years are provisional; local adjustments. Admins get
 * the button that loads a year's notice (`onLoad`).
 */
export function CalendarCard({
  calendar,
  jurisdictions,
  onLoad,
}: {
  calendar: BusinessCalendarView;
  jurisdictions: Map<string, Jurisdiction>;
  /** Opens the dialog that loads a notice into this calendar; absent for users who may not. */
  onLoad?: () => void;
}) {
  const t = useMessages(calendarsMessages);
  const provisional = provisionalYears(calendar.years.map((year) => year.year));
  const isOverride = calendar.origin === 'override';

  const holidayColumns: ColumnsType<CalendarHoliday> = [
    { title: t.holidayColumns.name, dataIndex: 'name', key: 'name', width: 140 },
    { title: t.holidayColumns.daysOff, key: 'daysOff', render: (_, holiday) => t.range(holiday.daysOff.from, holiday.daysOff.to) },
    {
      title: t.holidayColumns.makeUp,
      key: 'makeUp',
      render: (_, holiday) => (holiday.makeUpWorkdays.length === 0 ? t.none : holiday.makeUpWorkdays.join(t.separator)),
    },
  ];

  const yearColumns: ColumnsType<CalendarYearView> = [
    { title: t.yearColumns.year, dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t.yearColumns.title,
      key: 'title',
      render: (_, year) => (
        <Typography.Link href={year.source.url} target="_blank" rel="noopener noreferrer">
          {year.source.title} <LinkOutlined />
        </Typography.Link>
      ),
    },
    { title: t.yearColumns.documentNumber, key: 'documentNumber', render: (_, year) => year.source.documentNumber },
    { title: t.yearColumns.issued, key: 'issued', width: 110, render: (_, year) => year.source.issued },
    { title: t.yearColumns.holidays, key: 'holidays', width: 90, render: (_, year) => t.holidayCount(year.holidays.length) },
    {
      title: t.yearColumns.origin,
      key: 'origin',
      width: 120,
      render: (_, year) => (year.loadedAtRunTime ? <Tag color="green">{t.loadedAtRunTime}</Tag> : <Tag>{t.shipped}</Tag>),
    },
  ];

  const adjustmentColumns: ColumnsType<CalendarAdjustment> = [
    { title: t.adjustmentColumns.date, dataIndex: 'date', key: 'date', width: 120 },
    {
      title: t.adjustmentColumns.kind,
      key: 'kind',
      width: 100,
      render: (_, adjustment) => (adjustment.working ? <Tag color="orange">{t.workingDay}</Tag> : <Tag color="green">{t.dayOff}</Tag>),
    },
    { title: t.adjustmentColumns.reason, dataIndex: 'reason', key: 'reason' },
  ];

  const named = calendar.jurisdictions.map((id) => jurisdictions.get(id)?.name ?? id);
  const loadButton =
    onLoad === undefined ? null : (
      <Tooltip title={isOverride && calendar.base !== null ? t.loadOverride(calendar.base) : undefined}>
        <Button type="primary" icon={<UploadOutlined />} disabled={isOverride} onClick={onLoad} data-testid={`load-notice-${calendar.key}`}>
          {t.load}
        </Button>
      </Tooltip>
    );

  return (
    <Card
      data-testid={`calendar-${calendar.key}`}
      title={
        <Space wrap size={8}>
          <CalendarOutlined />
          <span>{calendar.name}</span>
          <Typography.Text code>{calendar.key}</Typography.Text>
          <Tag color={originColours[calendar.origin]}>
            {t.origin[calendar.origin] ?? calendar.origin}
            {isOverride && calendar.base !== null && ` · ${t.overrideOf(calendar.base)}`}
          </Tag>
          {calendar.version !== null && <Typography.Text type="secondary">{t.version(calendar.version)}</Typography.Text>}
          {provisional.from !== null && (
            <Tag color="gold" data-testid={`provisional-from-${calendar.key}`}>
              {t.provisionalTag(provisional.from)}
            </Tag>
          )}
        </Space>
      }
      extra={loadButton}
    >
      <Flex vertical gap={16}>
        <Descriptions size="small" column={{ xs: 1, lg: 3 }}>
          <Descriptions.Item label={t.timeZone}>{calendar.timeZone}</Descriptions.Item>
          <Descriptions.Item label={t.workingHours}>
            {calendar.workingHours.map((period) => `${period.start}–${period.end}`).join(t.separator)}
          </Descriptions.Item>
          <Descriptions.Item label={<Tooltip title={t.jurisdictionsHint}>{t.jurisdictions}</Tooltip>}>
            <span data-testid={`calendar-jurisdictions-${calendar.key}`}>{named.length === 0 ? t.noJurisdictions : named.join(t.separator)}</span>
          </Descriptions.Item>
        </Descriptions>
        <Alert
          type="warning"
          showIcon
          title={provisional.from === null ? t.noYears : t.provisionalFrom(provisional.from)}
          description={
            provisional.before === null
              ? undefined
              : [...(provisional.gaps.length === 0 ? [] : [t.provisionalGaps(provisional.gaps.join(t.separator))]), t.provisionalBefore(provisional.before)].join(' ')
          }
          data-testid={`calendar-provisional-${calendar.key}`}
        />
        <div>
          <Typography.Title level={5}>{t.years}</Typography.Title>
          <Table<CalendarYearView>
            rowKey="year"
            size="small"
            columns={yearColumns}
            dataSource={calendar.years}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noYears} /> }}
            expandable={{
              expandedRowRender: (year) => (
                <Table<CalendarHoliday>
                  rowKey={(holiday) => `${holiday.name}:${holiday.daysOff.from}`}
                  size="small"
                  columns={holidayColumns}
                  dataSource={year.holidays}
                  pagination={false}
                />
              ),
            }}
            onRow={(year) => ({ 'data-testid': `calendar-year-${calendar.key}-${year.year}` }) as HTMLAttributes<HTMLElement>}
            data-testid={`calendar-years-${calendar.key}`}
          />
        </div>
        <div>
          <Typography.Title level={5}>{t.adjustments}</Typography.Title>
          {calendar.adjustments.length === 0 ? (
            <Typography.Text type="secondary">{t.noAdjustments}</Typography.Text>
          ) : (
            <Table<CalendarAdjustment> rowKey="date" size="small" columns={adjustmentColumns} dataSource={calendar.adjustments} pagination={false} />
          )}
        </div>
      </Flex>
    </Card>
  );
}
