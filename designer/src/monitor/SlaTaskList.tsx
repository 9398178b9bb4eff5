import type { WorkflowDefinition } from '@tongban/engine';
import { builtInCalendars, workingMinutesBetween } from '@tongban/engine';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Department, Jurisdiction, MonitoredTask, Page } from '../api/api.types.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { AppLink } from '../shell/AppLink.tsx';
import { SlaBadge } from '../sla/SlaBadge.tsx';
import { minutesLeftAt, taskDaysLeft } from '../sla/task-days-left.ts';
import { workingMinutesPerDay } from '../sla/working-days-left.ts';
import { taskPath } from '../tasks/task-path.ts';
import { monitorMessages } from './monitor.messages.ts';

/** Whole working days a task is past its statutory limit at `now`, on its definition's calendar; null when unknown. Pure. */
function overdueDays(task: MonitoredTask, definition: WorkflowDefinition | undefined, now: Date | undefined): number | null {
  if (task.dueAt === null || now === undefined || definition === undefined || !builtInCalendars.has(definition.calendar)) return null;
  const calendar = builtInCalendars.get(definition.calendar);
  return Math.floor(workingMinutesBetween(calendar, new Date(task.dueAt), now).minutes / workingMinutesPerDay(calendar));
}

/** A monitor list of overdue or at-risk tasks, each linking to its case view. */
export function SlaTaskList({
  kind,
  page,
  loading,
  definitionOf,
  workflowName,
  departments,
  jurisdictions,
  now,
  onPage,
}: {
  kind: 'overdue' | 'atRisk';
  page: Page<MonitoredTask> | undefined;
  loading: boolean;
  definitionOf(task: MonitoredTask): WorkflowDefinition | undefined;
  workflowName(key: string): string;
  departments: Map<string, Department>;
  jurisdictions: Map<string, Jurisdiction>;
  now: Date | undefined;
  onPage(current: number, pageSize: number): void;
}) {
  const t = useMessages(monitorMessages);
  const { locale } = useLocale();
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
    { title: t.listColumns.due, key: 'due', render: (_, task) => formatInstant(task.dueAt, locale) },
    kind === 'overdue'
      ? {
          title: t.listColumns.overdueBy,
          key: 'overdueBy',
          render: (_, task) => {
            const days = overdueDays(task, definitionOf(task), now);
            return days === null ? '—' : <Typography.Text type="danger">{t.overdueBy(days)}</Typography.Text>;
          },
        }
      : {
          title: t.listColumns.sla,
          key: 'sla',
          render: (_, task) => {
            const definition = definitionOf(task);
            const minutes = task.caseStatus === 'suspended' ? null : minutesLeftAt(task.dueAt, task.nodeId, definition, now);
            return (
              <SlaBadge
                state={task.slaState}
                left={taskDaysLeft(minutes, task.nodeId, definition)}
                dueAt={task.dueAt}
                atRiskAt={task.atRiskAt}
                provisional={task.provisional}
                suspended={task.caseStatus === 'suspended'}
              />
            );
          },
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
