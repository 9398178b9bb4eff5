import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { BusinessCalendarView, RecountSummary } from '../api/api.types.ts';
import { useCalendars, useLoadCalendarNotice } from '../api/calendar-queries.ts';
import { useJurisdictions } from '../api/reference-queries.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { useAuth } from '../shell/AuthProvider.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { CalendarCard } from './CalendarCard.tsx';
import { calendarsMessages } from './calendars.messages.ts';
import { LoadNoticeDialog, type NoticeSubmission } from './LoadNoticeDialog.tsx';

/**
 * The business calendars (`/calendars`) deadlines are counted on, one card each; which years are
 * provisional. Admins load a year's holiday notice into a calendar and see what the recount of
 * open deadlines changed; everyone else who may open the screen reads it.
 */
export function CalendarsPage() {
  const t = useMessages(calendarsMessages);
  const { user } = useAuth();
  const calendars = useCalendars();
  const jurisdictions = useJurisdictions();
  const load = useLoadCalendarNotice();
  const [loadingInto, setLoadingInto] = useState<BusinessCalendarView | null>(null);
  const [result, setResult] = useState<{ year: number; recount: RecountSummary } | null>(null);
  const isAdmin = user?.roles.includes('admin') ?? false;

  const openLoad = (calendar: BusinessCalendarView) => {
    load.reset();
    setResult(null);
    setLoadingInto(calendar);
  };

  const submit = ({ year, notice }: NoticeSubmission) => {
    if (loadingInto === null) return;
    load.mutate({ key: loadingInto.key, year, notice }, { onSuccess: (changed) => setResult({ year, recount: changed.recount }) });
  };

  return (
    <Flex vertical gap={16} data-testid="calendars-page">
      <Flex justify="space-between" align="end" wrap gap={12}>
        <div>
          <Typography.Title level={3} className="tb-page-title" style={{ marginBottom: 4 }}>
            {t.title}
          </Typography.Title>
          <Typography.Text type="secondary">{t.subtitle}</Typography.Text>
        </div>
        <Tooltip title={t.refresh}>
          <Button icon={<ReloadOutlined />} aria-label={t.refresh} loading={calendars.isFetching} onClick={() => void calendars.refetch()} />
        </Tooltip>
      </Flex>
      {!isAdmin && <Alert type="info" showIcon title={t.readOnly} />}
      {calendars.isError && <ErrorAlert error={calendars.error} />}
      {calendars.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        (calendars.data?.items ?? []).map((calendar) => (
          <CalendarCard
            key={calendar.key}
            calendar={calendar}
            jurisdictions={jurisdictions}
            {...(isAdmin ? { onLoad: () => openLoad(calendar) } : {})}
          />
        ))
      )}
      <LoadNoticeDialog
        open={loadingInto !== null}
        calendarName={loadingInto?.name ?? ''}
        submitting={load.isPending}
        error={load.error}
        result={result}
        onSubmit={submit}
        onClose={() => setLoadingInto(null)}
      />
    </Flex>
  );
}
