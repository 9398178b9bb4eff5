import type { WorkflowDefinition } from '@tongban/engine';
import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Department, TaskView } from '../api/api.types.ts';
import { useUserNames } from '../api/task-operation-queries.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { navigate } from '../shell/router.ts';
import { TaskSlaBadge } from '../sla/TaskSlaBadge.tsx';
import { taskPath } from '../tasks/task-path.ts';
import { casesMessages } from './cases.messages.ts';

const statusColours: Record<string, string> = { open: 'default', claimed: 'blue', completed: 'green', closed: 'default' };

/** Every task of a case, in the order they started, with department, clerk and SLA (an added signer's task tagged); a row opens the task. */
export function CaseTasksTable({
  tasks,
  definition,
  departments,
  selectedTaskId,
}: {
  tasks: TaskView[];
  definition: WorkflowDefinition | undefined;
  departments: Map<string, Department>;
  selectedTaskId: string | null;
}) {
  const t = useMessages(casesMessages);
  const { locale } = useLocale();
  const nameOf = useUserNames();
  const columns: ColumnsType<TaskView> = [
    {
      title: t.taskColumns.name,
      key: 'name',
      render: (_, task) => (
        <>
          {task.name}
          {task.signing?.role === 'signer' && (
            <Tag color="purple" style={{ marginInlineStart: 6 }}>
              {t.signerTag}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t.taskColumns.department,
      key: 'department',
      render: (_, task) => departments.get(task.departmentId)?.name ?? task.departmentId,
    },
    {
      title: t.taskColumns.status,
      key: 'status',
      render: (_, task) => <Tag color={statusColours[task.status]}>{t.taskStatus[task.status] ?? task.status}</Tag>,
    },
    { title: t.taskColumns.assignee, key: 'assignee', render: (_, task) => (task.assigneeId === null ? '—' : nameOf(task.assigneeId)) },
    { title: t.taskColumns.created, key: 'created', render: (_, task) => formatInstant(task.createdAt, locale) },
    { title: t.taskColumns.finished, key: 'finished', render: (_, task) => formatInstant(task.completedAt, locale) },
    {
      title: t.taskColumns.sla,
      key: 'sla',
      render: (_, task) => (
        <TaskSlaBadge task={task} definition={definition} suspended={task.suspended} />
      ),
    },
  ];
  return (
    <Card title={t.tasks} size="small" styles={{ body: { padding: 0 } }}>
      <Table<TaskView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tasks}
        pagination={false}
        rowClassName={(task) => (task.id === selectedTaskId ? 'ant-table-row-selected' : '')}
        onRow={(task) => ({ onClick: () => navigate(taskPath(task), { replace: true }), style: { cursor: 'pointer' } })}
        data-testid="case-tasks"
      />
    </Card>
  );
}
