import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Department, Escalation, Jurisdiction, Page } from '../api/api.types.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { AppLink } from '../shell/AppLink.tsx';
import { casePath } from '../tasks/task-path.ts';
import { monitorMessages } from './monitor.messages.ts';

/** Escalated breaches (督办), newest first, each linking to its case. */
export function EscalationList({
  page,
  loading,
  departments,
  jurisdictions,
  onPage,
}: {
  page: Page<Escalation> | undefined;
  loading: boolean;
  departments: Map<string, Department>;
  jurisdictions: Map<string, Jurisdiction>;
  onPage(current: number, pageSize: number): void;
}) {
  const t = useMessages(monitorMessages);
  const { locale } = useLocale();
  const columns: ColumnsType<Escalation> = [
    { title: t.listColumns.at, key: 'at', width: 150, render: (_, escalation) => formatInstant(escalation.createdAt, locale) },
    { title: t.listColumns.message, dataIndex: 'message', key: 'message' },
    {
      title: t.listColumns.department,
      key: 'department',
      render: (_, escalation) => (escalation.departmentId === null ? '—' : (departments.get(escalation.departmentId)?.name ?? escalation.departmentId)),
    },
    {
      title: t.listColumns.reportedTo,
      key: 'reportedTo',
      render: (_, escalation) =>
        escalation.jurisdictionId === null ? '—' : (jurisdictions.get(escalation.jurisdictionId)?.name ?? escalation.jurisdictionId),
    },
    {
      title: t.listColumns.case,
      key: 'case',
      render: (_, escalation) =>
        escalation.caseId === null ? '—' : <AppLink to={casePath(escalation.caseId)}>{escalation.caseNumber ?? escalation.caseId}</AppLink>,
    },
  ];
  return (
    <Table<Escalation>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      locale={{ emptyText: t.emptyEscalations }}
      pagination={{ total: page?.total ?? 0, pageSize: 10, size: 'small', onChange: onPage, hideOnSinglePage: true }}
      data-testid="escalation-list"
    />
  );
}
