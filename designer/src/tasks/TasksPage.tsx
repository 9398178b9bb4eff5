import { ReloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import type { InboxItem } from '../api/api.types.ts';
import { definitionRefKey, useDefinitions, useDefinitionVersions } from '../api/reference-queries.ts';
import { useTaskSearch, useUserNames } from '../api/task-operation-queries.ts';
import type { TaskSearchQuery } from '../api/task-operations-api.ts';
import { useClaimTask } from '../api/task-queries.ts';
import type { InboxQuery } from '../api/tongban-api.ts';
import { applicantName } from '../cases/applicant-name.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { NewCaseButton } from '../intake/NewCaseButton.tsx';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { AppLink } from '../shell/AppLink.tsx';
import { useAuth } from '../shell/AuthProvider.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { navigate } from '../shell/router.ts';
import { useApiErrorText } from '../shell/use-api-error-text.ts';
import { DueDate } from '../sla/DueDate.tsx';
import { TaskSlaBadge } from '../sla/TaskSlaBadge.tsx';
import { CopiesList } from './CopiesList.tsx';
import { DoneList } from './DoneList.tsx';
import { mayDecideTask } from './may-decide-task.ts';
import { taskListsMessages } from './task-lists.messages.ts';
import { TaskSearchBox, type TaskSearch } from './TaskSearchBox.tsx';
import { taskPath } from './task-path.ts';
import { tasksMessages } from './tasks.messages.ts';

type Scope = 'pending' | 'mine' | 'completed' | 'done' | 'copies';

const scopeQuery: Record<'pending' | 'mine' | 'completed', Pick<InboxQuery, 'status' | 'mine'>> = {
  pending: {},
  mine: { mine: true },
  completed: { status: 'completed' },
};

/**
 * The clerk's inbox: tasks of their department and role, soonest statutory limit first, filtered
 * by scope (to do, claimed by me, completed) and workflow, searched by case number or applicant,
 * with an SLA badge and a claim button; beside it the done list (已办) and the cases copied to
 * the clerk (抄送我的).
 */
export function TasksPage() {
  const t = useMessages(tasksMessages);
  const l = useMessages(taskListsMessages);
  const nameOf = useUserNames();
  const { locale } = useLocale();
  const { user } = useAuth();
  const { message } = AntApp.useApp();
  const errorText = useApiErrorText();
  const [scope, setScope] = useState<Scope>('pending');
  const [definitionKey, setDefinitionKey] = useState<string | undefined>(undefined);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [search, setSearch] = useState<TaskSearch>({});
  const inboxScope = scope === 'done' || scope === 'copies' ? null : scope;
  const query: TaskSearchQuery = {
    ...(inboxScope === null ? {} : scopeQuery[inboxScope]),
    definitionKey,
    ...search,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const inbox = useTaskSearch(query, inboxScope !== null);

  const onSearch = (next: TaskSearch) => {
    setSearch(next);
    setPage((current) => ({ ...current, current: 1 }));
  };
  const definitions = useDefinitions();
  const claim = useClaimTask();
  const items = inbox.data?.items ?? [];
  const versions = useDefinitionVersions(items.map((item) => ({ key: item.case.definitionKey, version: item.case.definitionVersion })));
  const workflowNames = useMemo(
    () => new Map((definitions.data?.items ?? []).map((definition) => [definition.key, definition.name])),
    [definitions.data],
  );

  const onClaim = (task: InboxItem) =>
    claim.mutate(task, {
      onSuccess: () => {
        void message.success(t.claimed);
        navigate(taskPath(task));
      },
      onError: (error) => void message.error(errorText(error)),
    });

  const statusTag = (task: InboxItem) => {
    if (task.status === 'open') return <Tag>{t.open}</Tag>;
    if (task.status === 'claimed') {
      return task.assigneeId === user?.id ? <Tag color="blue">{t.claimedByMe}</Tag> : <Tag color="purple">{t.claimedBy(nameOf(task.assigneeId))}</Tag>;
    }
    return <Tag color="default">{task.status === 'completed' ? t.completed : t.closed}</Tag>;
  };

  const columns: ColumnsType<InboxItem> = [
    {
      title: t.columnTask,
      key: 'task',
      render: (_, task) => (
        <Flex vertical>
          <span>
            <AppLink to={taskPath(task)} testId={`task-link-${task.id}`}>
              <Typography.Text strong>{task.name}</Typography.Text>
            </AppLink>
            {task.signing?.role === 'signer' && (
              <Tag color="purple" style={{ marginInlineStart: 6 }}>
                {l.signerTag}
              </Tag>
            )}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatInstant(task.createdAt, locale)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t.columnCase,
      key: 'case',
      render: (_, task) => (
        <Flex vertical>
          <span>{workflowNames.get(task.case.definitionKey) ?? task.case.definitionKey}</span>
          <Tooltip title={task.case.id}>
            <Typography.Text type="secondary" code style={{ fontSize: 12, width: 'fit-content' }} data-testid={`case-number-${task.id}`}>
              {task.case.caseNumber}
            </Typography.Text>
          </Tooltip>
        </Flex>
      ),
    },
    { title: t.columnApplicant, key: 'applicant', render: (_, task) => applicantName(task.case.applicant) ?? '—' },
    { title: t.columnStatus, key: 'status', render: (_, task) => statusTag(task) },
    {
      title: t.columnDue,
      key: 'due',
      dataIndex: 'dueAt',
      defaultSortOrder: 'ascend',
      sortDirections: ['ascend', 'descend', 'ascend'],
      sorter: (a, b) => (a.dueAt === null ? 1 : b.dueAt === null ? -1 : a.dueAt.localeCompare(b.dueAt)),
      render: (_, task) => <DueDate dueAt={task.dueAt} provisional={task.provisional} />,
    },
    {
      title: t.columnSla,
      key: 'sla',
      render: (_, task) => (
        <TaskSlaBadge
          task={task}
          definition={versions.get(definitionRefKey({ key: task.case.definitionKey, version: task.case.definitionVersion }))}
          suspended={task.suspended}
        />
      ),
    },
    {
      title: t.columnActions,
      key: 'actions',
      align: 'right',
      render: (_, task) => (
        <Space>
          {task.status === 'open' && mayDecideTask(user, task) && (
            <Button size="small" type="primary" loading={claim.isPending && claim.variables?.id === task.id} onClick={() => onClaim(task)} data-testid={`claim-${task.id}`}>
              {t.claim}
            </Button>
          )}
          <Button size="small" onClick={() => navigate(taskPath(task))} data-testid={`open-${task.id}`}>
            {task.status === 'claimed' && task.assigneeId === user?.id ? t.handle : t.view}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="tasks-page">
      <Flex justify="space-between" align="end" wrap gap={12}>
        <div>
          <Typography.Title level={3} className="tb-page-title" style={{ marginBottom: 4 }}>
            {t.title}
          </Typography.Title>
          <Typography.Text type="secondary">{user?.roles.includes('admin') ? t.adminSubtitle : t.subtitle(user?.department.name ?? '')}</Typography.Text>
        </div>
        <Space wrap>
          <NewCaseButton />
          <Segmented<Scope>
            value={scope}
            onChange={(next) => {
              setScope(next);
              setPage((current) => ({ ...current, current: 1 }));
            }}
            options={[
              { label: t.statusPending, value: 'pending' },
              { label: t.statusMine, value: 'mine' },
              { label: t.statusCompleted, value: 'completed' },
              { label: l.statusDone, value: 'done' },
              { label: l.statusCopies, value: 'copies' },
            ]}
            data-testid="inbox-scope"
          />
          {inboxScope !== null && (
            <TaskSearchBox onSearch={onSearch} testId="inbox-search" />
          )}
          {inboxScope !== null && (
            <Select
              allowClear
              placeholder={t.allWorkflows}
              style={{ minWidth: 220 }}
              value={definitionKey}
              onChange={(key: string | undefined) => {
                setDefinitionKey(key);
                setPage((current) => ({ ...current, current: 1 }));
              }}
              options={(definitions.data?.items ?? []).map((definition) => ({ value: definition.key, label: definition.name }))}
              data-testid="inbox-workflow"
            />
          )}
          <Tooltip title={t.refresh}>
            <Button icon={<ReloadOutlined />} onClick={() => void inbox.refetch()} loading={inbox.isFetching} aria-label={t.refresh} />
          </Tooltip>
        </Space>
      </Flex>
      {scope === 'done' && <DoneList />}
      {scope === 'copies' && <CopiesList />}
      {inboxScope !== null && inbox.isError && <ErrorAlert error={inbox.error} />}
      {inboxScope !== null && (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<InboxItem>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={inbox.isPending}
            locale={{ emptyText: t.empty }}
            data-testid="inbox-table"
            onRow={(task) => ({ 'data-testid': `inbox-row-${task.id}`, 'data-sla-state': task.slaState }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: page.current,
              pageSize: page.pageSize,
              total: inbox.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t.total(total),
              onChange: (current, pageSize) => setPage({ current, pageSize }),
            }}
          />
        </Card>
      )}
    </Flex>
  );
}
