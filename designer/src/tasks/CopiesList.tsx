import { Card, Checkbox, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useDefinitions } from '../api/reference-queries.ts';
import { useCopies, useTaskOperation } from '../api/task-operation-queries.ts';
import type { CopyItem } from '../api/task-operation.types.ts';
import { taskOperationsApi } from '../api/task-operations-api.ts';
import { applicantName } from '../cases/applicant-name.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { navigate } from '../shell/router.ts';
import { taskListsMessages } from './task-lists.messages.ts';
import { tasksMessages } from './tasks.messages.ts';
import { taskPath } from './task-path.ts';

/**
 * Copied to me (抄送我的): the cases copied to the signed-in user, newest first, with who copied
 * them and why, and a read flag; opening one marks it read.
 */
export function CopiesList() {
  const t = useMessages(taskListsMessages);
  const s = useMessages(tasksMessages);
  const { locale } = useLocale();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [unreadOnly, setUnreadOnly] = useState(false);
  const copies = useCopies({ limit: page.pageSize, offset: (page.current - 1) * page.pageSize, ...(unreadOnly && { unread: true }) }, true);
  const definitions = useDefinitions();
  const markRead = useTaskOperation((input: { copyId: number; caseId: string }) => taskOperationsApi.markCopyRead(input.copyId));
  const workflowNames = useMemo(() => new Map((definitions.data?.items ?? []).map((d) => [d.key, d.name])), [definitions.data]);

  const open = (copy: CopyItem) => {
    if (!copy.read) markRead.mutate({ copyId: copy.id, caseId: copy.caseId });
    navigate(taskPath({ id: copy.taskId, caseId: copy.caseId }));
  };

  const columns: ColumnsType<CopyItem> = [
    {
      title: s.columnCase,
      key: 'case',
      render: (_, copy) => (
        <Flex vertical>
          <Typography.Link onClick={() => open(copy)} data-testid={`copy-open-${copy.id}`}>
            {workflowNames.get(copy.case.definitionKey) ?? copy.case.definitionKey} · {copy.task.name}
          </Typography.Link>
          <Typography.Text type="secondary" code style={{ fontSize: 12, width: 'fit-content' }}>
            {copy.case.caseNumber}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: s.columnApplicant, key: 'applicant', render: (_, copy) => applicantName(copy.case.applicant) ?? '—' },
    { title: t.columnCopiedBy, key: 'by', render: (_, copy) => copy.copiedByName ?? copy.copiedBy ?? '—' },
    { title: t.columnReason, key: 'reason', render: (_, copy) => copy.reason ?? '—' },
    { title: t.columnCopiedAt, key: 'at', render: (_, copy) => formatInstant(copy.createdAt, locale) },
    {
      title: t.columnRead,
      key: 'read',
      render: (_, copy) => (copy.read ? <Tag>{t.read}</Tag> : <Tag color="red">{t.unread}</Tag>),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Checkbox checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} data-testid="copies-unread-only">
        {t.unreadOnly}
      </Checkbox>
      {copies.isError && <ErrorAlert error={copies.error} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<CopyItem>
          rowKey="id"
          columns={columns}
          dataSource={copies.data?.items ?? []}
          loading={copies.isPending}
          locale={{ emptyText: t.copiesEmpty }}
          data-testid="copies-table"
          onRow={(copy) => ({ 'data-testid': `copy-row-${copy.caseId}`, 'data-read': String(copy.read) }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: copies.data?.total ?? 0,
            showTotal: (total) => s.total(total),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
        />
      </Card>
    </Flex>
  );
}
