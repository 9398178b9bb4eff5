import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import type { Department, Page, TaskWithCaseNumber } from '../api/api.types.ts';
import { useDecideExtension } from '../api/extension-queries.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { AppLink } from '../shell/AppLink.tsx';
import { useApiErrorText } from '../shell/use-api-error-text.ts';
import { DueDate } from '../sla/DueDate.tsx';
import { extensionMessages } from '../tasks/extension.messages.ts';
import { ExtensionRefusalDialog } from '../tasks/ExtensionRefusalDialog.tsx';
import { taskPath } from '../tasks/task-path.ts';

/**
 * Extension requests awaiting the viewer's approval (行政许可法 art. 42), oldest first: the step
 * and its case, department, who asked when, how much longer and why, the current deadline; approve
 * (after a confirmation) or refuse (with a reason). The list refreshes after each decision.
 */
export function ExtensionRequestList({
  page,
  loading,
  departments,
  onPage,
}: {
  page: Page<TaskWithCaseNumber> | undefined;
  loading: boolean;
  departments: Map<string, Department>;
  onPage(current: number, pageSize: number): void;
}) {
  const t = useMessages(extensionMessages);
  const { locale } = useLocale();
  const { modal, message } = AntApp.useApp();
  const errorText = useApiErrorText();
  const decide = useDecideExtension();
  const [refusing, setRefusing] = useState<TaskWithCaseNumber | null>(null);

  const amountOf = (task: TaskWithCaseNumber) => (task.extension === null ? '—' : t.amountText(task.extension.amount, task.extension.unit));

  const approve = (task: TaskWithCaseNumber) =>
    modal.confirm({
      title: t.approveTitle(amountOf(task)),
      content: t.approveBody(task.name, formatInstant(task.dueAt, locale)),
      okText: t.approveOk,
      cancelText: t.cancel,
      onOk: () =>
        decide.mutateAsync({ taskId: task.id, caseId: task.caseId, decision: 'approve' }).then(
          (decided) => void message.success(t.approvedToast(formatInstant(decided.dueAt, locale))),
          (error: unknown) => void message.error(errorText(error)),
        ),
    });

  const refuse = (task: TaskWithCaseNumber, reason: string) =>
    decide.mutate(
      { taskId: task.id, caseId: task.caseId, decision: 'refuse', reason },
      {
        onSuccess: () => {
          setRefusing(null);
          void message.success(t.refusedToast);
        },
        onError: (error) => {
          setRefusing(null);
          void message.error(errorText(error));
        },
      },
    );

  const columns: ColumnsType<TaskWithCaseNumber> = [
    {
      title: t.columns.task,
      key: 'task',
      render: (_, task) => (
        <span style={{ display: 'flex', flexDirection: 'column' }}>
          <AppLink to={taskPath(task)} testId={`extension-task-${task.id}`}>
            {task.name}
          </AppLink>
          <Tooltip title={task.caseId}>
            <Typography.Text type="secondary" code style={{ fontSize: 12, width: 'fit-content' }}>
              {task.caseNumber}
            </Typography.Text>
          </Tooltip>
        </span>
      ),
    },
    { title: t.columns.department, key: 'department', render: (_, task) => departments.get(task.departmentId)?.name ?? task.departmentId },
    {
      title: t.columns.requested,
      key: 'requested',
      render: (_, task) => (
        <span style={{ display: 'flex', flexDirection: 'column' }}>
          <span>{task.extension?.requestedBy ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatInstant(task.extension?.requestedAt, locale)}
          </Typography.Text>
        </span>
      ),
    },
    { title: t.columns.amount, key: 'amount', render: (_, task) => amountOf(task) },
    {
      title: t.columns.reason,
      key: 'reason',
      render: (_, task) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: task.extension?.reason }} style={{ margin: 0, maxWidth: 280 }}>
          {task.extension?.reason ?? '—'}
        </Typography.Paragraph>
      ),
    },
    { title: t.columns.due, key: 'due', render: (_, task) => <DueDate dueAt={task.dueAt} provisional={task.provisional} /> },
    {
      title: t.columns.actions,
      key: 'actions',
      align: 'right',
      render: (_, task) => (
        <Space>
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            disabled={decide.isPending}
            onClick={() => approve(task)}
            data-testid={`approve-extension-${task.id}`}
          >
            {t.approve}
          </Button>
          <Button
            size="small"
            danger
            icon={<CloseOutlined />}
            disabled={decide.isPending}
            onClick={() => setRefusing(task)}
            data-testid={`refuse-extension-${task.id}`}
          >
            {t.refuse}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<TaskWithCaseNumber>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={page?.items ?? []}
        loading={loading}
        locale={{ emptyText: t.empty }}
        pagination={{ total: page?.total ?? 0, pageSize: 10, size: 'small', onChange: onPage, hideOnSinglePage: true }}
        onRow={(task) => ({ 'data-testid': `extension-row-${task.id}` }) as HTMLAttributes<HTMLElement>}
        data-testid="extension-list"
      />
      <ExtensionRefusalDialog
        open={refusing !== null}
        submitting={decide.isPending}
        onSubmit={(reason) => {
          if (refusing !== null) refuse(refusing, reason);
        }}
        onCancel={() => setRefusing(null)}
      />
    </>
  );
}
