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

/** A monitor list of overdue or at-risk tasks with their SLA badges, each linking to its case view. */
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
      title: t.listColumns.jurisdiction,
      key: 'jurisdiction',
      render: (_, task) => jurisdictions.get(task.caseJurisdictionId)?.name ?? task.caseJurisdictionId,
    },
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
      dataSource={page?.items ?? []}
      loading={loading}
      locale={{ emptyText: kind === 'overdue' ? t.emptyOverdue : t.emptyAtRisk }}
      pagination={{ total: page?.total ?? 0, pageSize: 10, size: 'small', onChange: onPage, hideOnSinglePage: true }}
      data-testid={`${kind}-list`}
    />
  );
}
