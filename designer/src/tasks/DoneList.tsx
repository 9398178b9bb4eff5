import { App as AntApp, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import type { DoneTask } from '../api/api.types.ts';
import { useDoneTasks, useTaskOperation } from '../api/task-operation-queries.ts';
import { taskOperationsApi } from '../api/task-operations-api.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { AppLink } from '../shell/AppLink.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { useApiErrorText } from '../shell/use-api-error-text.ts';
import { taskListsMessages } from './task-lists.messages.ts';
import { taskPath } from './task-path.ts';
import { tasksMessages } from './tasks.messages.ts';

/**
 * 已办: the tasks the signed-in user completed or handed on, most recent first (`GET /tasks/done`),
 * an added signer's task (加签) tagged as one, with 撤回 on the rows the API marks `withdrawable`
 * (`POST /tasks/{id}/withdraw`).
 */
export function DoneList() {
  const t = useMessages(taskListsMessages);
  const s = useMessages(tasksMessages);
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const errorText = useApiErrorText();
  const withdraw = useTaskOperation(({ taskId }: { taskId: string; caseId: string }) => taskOperationsApi.withdraw(taskId));
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const done = useDoneTasks({ limit: page.pageSize, offset: (page.current - 1) * page.pageSize }, true);
  const outcomeLabel = (outcome: string | null) => (outcome === null ? null : (t.outcomes[outcome] ?? outcome));

  const columns: ColumnsType<DoneTask> = [
    {
      title: s.columnTask,
      key: 'task',
      render: (_, task) => (
        <>
          <AppLink to={taskPath(task)} testId={`done-link-${task.id}`}>
            <Typography.Text strong>{task.name}</Typography.Text>
          </AppLink>
          {task.signing?.role === 'signer' && (
            <Tag color="purple" style={{ marginInlineStart: 6 }}>
              {t.signerTag}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: s.columnCase,
      key: 'case',
      render: (_, task) => (
        <AppLink to={`/cases/${task.caseId}`} testId={`done-case-${task.id}`}>
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
            {task.caseNumber}
          </Typography.Text>
        </AppLink>
      ),
    },
    {
      title: t.columnOutcome,
      key: 'outcome',
      render: (_, task) =>
        task.status !== 'completed' ? (
          <Tag color="blue">{t.handedOn}</Tag>
        ) : (
          <Tag color="green">{task.signing?.role === 'signer' ? t.signerApproved : (outcomeLabel(task.outcome) ?? s.completed)}</Tag>
        ),
    },
    { title: t.columnCompletedAt, key: 'at', render: (_, task) => formatInstant(task.completedAt ?? task.handoffs.at(-1)?.at ?? task.createdAt, locale) },
    {
      title: '',
      key: 'actions',
      render: (_, task) =>
        task.withdrawable && (
          <Popconfirm
            placement="topRight"
            title={t.withdrawConfirm}
            onConfirm={() =>
              withdraw.mutateAsync({ taskId: task.id, caseId: task.caseId }).then(
                () => void message.success(t.withdrawn),
                (error: unknown) => void message.error(errorText(error)),
              )
            }
          >
            <Button size="small" data-testid={`done-withdraw-${task.id}`} loading={withdraw.isPending && withdraw.variables?.taskId === task.id}>
              {t.withdraw}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      {done.isError && <ErrorAlert error={done.error} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<DoneTask>
          rowKey="id"
          columns={columns}
          dataSource={done.data?.items ?? []}
          loading={done.isPending}
          locale={{ emptyText: t.doneEmpty }}
          data-testid="done-table"
          onRow={(task) => ({ 'data-testid': `done-row-${task.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: done.data?.total ?? 0,
            showTotal: (total) => s.total(total),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
        />
      </Card>
    </Flex>
  );
}
