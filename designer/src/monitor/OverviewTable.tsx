import { Card, Segmented, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { complianceTone } from './compliance-tone.ts';
import { handlingTime } from './handling-time.ts';
import { monitorMessages } from './monitor.messages.ts';
import type { OverviewRow } from './overview-rows.ts';

/** The overview per department or per district: open, at risk, overdue, compliance, median handling time. */
export function OverviewTable({ departments, districts, loading }: { departments: OverviewRow[]; districts: OverviewRow[]; loading: boolean }) {
  const t = useMessages(monitorMessages);
  const [by, setBy] = useState<'department' | 'district'>('department');
  const count = (tone?: 'warning' | 'danger') => (value: number) =>
    value === 0 || tone === undefined ? value : <Typography.Text type={tone} strong>{value}</Typography.Text>;
  const columns: ColumnsType<OverviewRow> = [
    { title: by === 'department' ? t.columns.department : t.columns.district, dataIndex: 'name', key: 'name' },
    { title: t.columns.open, dataIndex: 'open', key: 'open', align: 'right', sorter: (a, b) => a.open - b.open, render: count() },
    { title: t.columns.atRisk, dataIndex: 'atRisk', key: 'atRisk', align: 'right', sorter: (a, b) => a.atRisk - b.atRisk, render: count('warning') },
    { title: t.columns.overdue, dataIndex: 'overdue', key: 'overdue', align: 'right', sorter: (a, b) => a.overdue - b.overdue, render: count('danger') },
    {
      title: t.columns.compliance,
      key: 'compliance',
      align: 'right',
      sorter: (a, b) => (a.compliance ?? 2) - (b.compliance ?? 2),
      render: (_, row) =>
        row.compliance === null ? (
          <Typography.Text type="secondary">{t.noneClosed}</Typography.Text>
        ) : (
          <Tooltip title={t.kpiComplianceHint(row.met, row.met + row.breached)}>
            <Typography.Text type={complianceTone(row.compliance)}>{(row.compliance * 100).toFixed(1)}%</Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: t.columns.median,
      key: 'median',
      align: 'right',
      sorter: (a, b) => (a.medianHandlingMinutes ?? -1) - (b.medianHandlingMinutes ?? -1),
      render: (_, row) =>
        row.medianHandlingMinutes === null ? (
          '—'
        ) : (
          <Tooltip title={t.medianOver(row.handled)}>{t.handlingTime(handlingTime(row.medianHandlingMinutes))}</Tooltip>
        ),
    },
  ];
  return (
    <Card
      title={t.overview}
      size="small"
      extra={
        <Segmented
          size="small"
          value={by}
          onChange={setBy}
          options={[
            { label: t.byDepartment, value: 'department' },
            { label: t.byDistrict, value: 'district' },
          ]}
          data-testid="overview-by"
        />
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<OverviewRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={by === 'department' ? departments : districts}
        loading={loading}
        pagination={false}
        data-testid={`overview-${by}`}
      />
    </Card>
  );
}
