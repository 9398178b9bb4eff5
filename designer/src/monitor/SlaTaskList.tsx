import type { WorkflowDefinition } from '@tongban/engine';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Department, Jurisdiction, MonitoredTask, Page } from '../api/api.types.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { AppLink } from '../shell/AppLink.tsx';
import { DueDate } from '../sla/DueDate.tsx';
import { TaskSlaBadge } from '../sla/TaskSlaBadge.tsx';
import { taskPath } from '../tasks/task-path.ts';
import { monitorMessages } from './monitor.messages.ts';
import { overdueBy } from './overdue-by.ts';

/**
 * A monitor list of overdue or at-risk tasks: case, applicant, step, workflow, department, the
 * assignee's name, how long overdue (working days and hours), limits and SLA badge; each row links
 * to its case view.
 */
export function SlaTaskList({
  kind,
  page,
  loading,
  definitionOf,
  workflowName,
  departments,
  jurisdictions,
  onPage,
}: {
  kind: 'overdue' | 'atRisk';
  page: Page<MonitoredTask> | undefined;
  loading: boolean;
  definitionOf(task: MonitoredTask): WorkflowDefinition | undefined;
  workflowName(key: string): string;
  departments: Map<string, Department>;
  jurisdictions: Map<string, Jurisdiction>;
  onPage(current: number, pageSize: number): void;
}) {
  const t = useMessages(monitorMessages);
  const columns: ColumnsType<MonitoredTask> = [
    {
      title: t.listColumns.case,
      key: 'case',
      render: (_, task) => (
        <AppLink to={`/cases/${task.caseId}`} testId={`monitor-case-${task.id}`}>
          {task.caseNumber}
        </AppLink>
      ),
    },
    { title: t.listColumns.applicant, key: 'applicant', render: (_, task) => task.applicantName ?? '—' },
    {
      title: t.listColumns.task,
      key: 'task',
      render: (_, task) => (
        <AppLink to={taskPath(task)} testId={`monitor-task-${task.id}`}>
          {task.name}
        </AppLink>
      ),
    },
    { title: t.listColumns.workflow, key: 'workflow', render: (_, task) => workflowName(task.definitionKey) },
    { title: t.listColumns.department, key: 'department', render: (_, task) => departments.get(task.departmentId)?.name ?? task.departmentId },
    {
      title: t.listColumns.assignee,
      key: 'assignee',
      render: (_, task) => <span data-testid={`monitor-assignee-${task.id}`}>{task.assigneeName ?? t.unclaimed}</span>,
    },
    {
      title: t.listColumns.jurisdiction,
      key: 'jurisdiction',
      render: (_, task) => jurisdictions.get(task.caseJurisdictionId)?.name ?? task.caseJurisdictionId,
    },
    ...(kind === 'overdue'
      ? [
          {
            title: t.listColumns.overdueBy,
            key: 'overdueBy',
            render: (_: unknown, task: MonitoredTask) => {
              if (task.overdueWorkingMinutes === null) return '—';
              const { days, hours } = overdueBy(task.overdueWorkingMinutes, task.workingMinutesPerDay);
              return <span data-testid={`monitor-overdue-by-${task.id}`}>{t.overdueBy(days, hours)}</span>;
            },
          },
        ]
      : []),
    { title: t.listColumns.due, key: 'due', render: (_, task) => <DueDate dueAt={task.dueAt} provisional={task.provisional} /> },
    {
      title: t.listColumns.sla,
      key: 'sla',
      render: (_, task) => <TaskSlaBadge task={task} definition={definitionOf(task)} suspended={task.caseStatus === 'suspended'} />,
    },
  ];
  return (
    <Table<MonitoredTask>
      rowKey="id"
      size="small"
      columns={columns}
      scroll={{ x: 'max-content' }}
      dataSource={page?.items ?? []}
      loading={loading}
      locale={{ emptyText: kind === 'overdue' ? t.emptyOverdue : t.emptyAtRisk }}
      pagination={{ total: page?.total ?? 0, pageSize: 10, size: 'small', onChange: onPage, hideOnSinglePage: true }}
      data-testid={`${kind}-list`}
    />
  );
}
