import { ArrowLeftOutlined, SwapOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { ApiError } from '../api/api-error.ts';
import type { InboxItem } from '../api/api.types.ts';
import { useDefinitions, useDepartments } from '../api/reference-queries.ts';
import { useTaskOperation, useTaskSearch, useUserNames } from '../api/task-operation-queries.ts';
import type { ReassignResult } from '../api/task-operation.types.ts';
import { taskOperationsApi, type TaskSearchQuery } from '../api/task-operations-api.ts';
import { applicantName } from '../cases/applicant-name.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { AppLink } from '../shell/AppLink.tsx';
import { useAuth } from '../shell/AuthProvider.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { navigate } from '../shell/router.ts';
import { useApiErrorText } from '../shell/use-api-error-text.ts';
import { DueDate } from '../sla/DueDate.tsx';
import { taskListsMessages } from '../tasks/task-lists.messages.ts';
import { taskPath } from '../tasks/task-path.ts';
import { TaskSearchBox, type TaskSearch } from '../tasks/TaskSearchBox.tsx';
import { tasksMessages } from '../tasks/tasks.messages.ts';
import { BulkReassignDialog, type BulkReassignValues } from './BulkReassignDialog.tsx';

/**
 * Task assignment (`/monitor/tasks`): the open tasks of every department a manager oversees,
 * searched by case number or applicant and filtered by workflow; selected tasks are reassigned in bulk to a
 * clerk or a department with a reason, and the dialog shows the result of each task.
 */
export function ManagedTasksPage() {
  const t = useMessages(taskListsMessages);
  const s = useMessages(tasksMessages);
  const { user } = useAuth();
  const { message } = AntApp.useApp();
  const errorText = useApiErrorText();
  const nameOf = useUserNames();
  const departments = useDepartments();
  const definitions = useDefinitions();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [definitionKey, setDefinitionKey] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState<TaskSearch>({});
  const [selected, setSelected] = useState<InboxItem[]>([]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [results, setResults] = useState<ReassignResult[] | null>(null);
  const query: TaskSearchQuery = {
    scope: 'managed',
    definitionKey,
    ...search,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const list = useTaskSearch(query);
  const reassign = useTaskOperation((input: BulkReassignValues & { taskIds: string[] }) =>
    taskOperationsApi.reassign({
      taskIds: input.taskIds,
      reason: input.reason,
      ...(input.userId !== undefined && { assigneeId: input.userId }),
      ...(input.departmentId !== undefined && { departmentId: input.departmentId }),
    }),
  );
  const workflowNames = useMemo(() => new Map((definitions.data?.items ?? []).map((d) => [d.key, d.name])), [definitions.data]);

  const onSubmit = (values: BulkReassignValues) =>
    reassign.mutate(
      { ...values, taskIds: selected.map((task) => task.id) },
      {
        onSuccess: ({ results: answered }) => {
          setResults(answered);
          const ok = answered.filter((result) => result.ok).length;
          void message.info(t.reassignDone(ok, answered.length - ok));
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  const closeDialog = () => {
    setDialogOpen(false);
    if (results !== null) setSelected([]);
    setResults(null);
  };

  const columns: ColumnsType<InboxItem> = [
    {
      title: s.columnTask,
      key: 'task',
      render: (_, task) => (
        <AppLink to={taskPath(task)} testId={`managed-link-${task.id}`}>
          <Typography.Text strong>{task.name}</Typography.Text>
        </AppLink>
      ),
    },
    {
      title: s.columnCase,
      key: 'case',
      render: (_, task) => (
        <Flex vertical>
          <span>{workflowNames.get(task.case.definitionKey) ?? task.case.definitionKey}</span>
          <AppLink to={`/cases/${task.case.id}`} testId={`managed-case-${task.id}`}>
            <Typography.Text type="secondary" code style={{ fontSize: 12, width: 'fit-content' }}>
              {task.case.caseNumber}
            </Typography.Text>
          </AppLink>
        </Flex>
      ),
    },
    { title: s.columnApplicant, key: 'applicant', render: (_, task) => applicantName(task.case.applicant) ?? '—' },
    { title: t.columnDepartment, key: 'department', render: (_, task) => departments.get(task.departmentId)?.name ?? task.departmentId },
    {
      title: t.columnAssignee,
      key: 'assignee',
      render: (_, task) => (task.assigneeId === null ? <Tag>{s.open}</Tag> : nameOf(task.assigneeId)),
    },
    { title: s.columnDue, key: 'due', render: (_, task) => <DueDate dueAt={task.dueAt} provisional={task.provisional} /> },
  ];

  return (
    <Flex vertical gap={16} data-testid="managed-tasks-page">
      <div>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/monitor')} style={{ paddingInline: 0 }}>
          {t.incidentsBack}
        </Button>
      </div>
      <Flex justify="space-between" align="end" wrap gap={12}>
        <div>
          <Typography.Title level={3} className="tb-page-title" style={{ marginBottom: 4 }}>
            {t.manageTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{`${user?.jurisdiction.name ?? ''} · ${t.manageSubtitle}`}</Typography.Text>
        </div>
        <Space wrap>
          <TaskSearchBox
            onSearch={(next) => {
              setSearch(next);
              setPage((current) => ({ ...current, current: 1 }));
            }}
            testId="managed-search"
          />
          <Select
            allowClear
            placeholder={s.allWorkflows}
            style={{ minWidth: 200 }}
            value={definitionKey}
            onChange={(key: string | undefined) => setDefinitionKey(key)}
            options={(definitions.data?.items ?? []).map((definition) => ({ value: definition.key, label: definition.name }))}
          />
          <Tooltip title={selected.length === 0 ? t.selectFirst : undefined}>
            <Button type="primary" icon={<SwapOutlined />} disabled={selected.length === 0} onClick={() => setDialogOpen(true)} data-testid="bulk-reassign">
              {t.reassign(selected.length)}
            </Button>
          </Tooltip>
        </Space>
      </Flex>
      {list.isError && <ErrorAlert error={list.error} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<InboxItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          locale={{ emptyText: s.empty }}
          data-testid="managed-table"
          rowSelection={{
            selectedRowKeys: selected.map((task) => task.id),
            preserveSelectedRowKeys: true,
            onChange: (_keys, rows) => setSelected(rows),
          }}
          onRow={(task) => ({ 'data-testid': `managed-row-${task.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => s.total(total),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
        />
      </Card>
      <BulkReassignDialog
        open={dialogOpen}
        tasks={selected}
        submitting={reassign.isPending}
        results={results}
        errorText={(code, text, status) => errorText(new ApiError(status, code, text))}
        onSubmit={onSubmit}
        onClose={closeDialog}
      />
    </Flex>
  );
}
