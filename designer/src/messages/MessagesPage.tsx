import { Badge, Button, Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { UserNotification } from '../api/api.types.ts';
import { useMarkNotificationsRead, useNotifications } from '../api/notification-queries.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { AppLink } from '../shell/AppLink.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { messagesMessages } from './messages.messages.ts';

const PAGE_SIZE = 20;
const KIND_COLOURS: Record<string, string> = { urge: 'orange', copy: 'blue', escalation: 'red', extensionApproved: 'green', extensionRefused: 'volcano' };

/** 消息: the signed-in user's notifications, newest first, unread ones marked, read one by one or all at once. */
export function MessagesPage() {
  const t = useMessages(messagesMessages);
  const { locale } = useLocale();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, unread: unreadOnly || undefined });
  const mark = useMarkNotificationsRead();
  const unread = list.data?.unread ?? 0;

  return (
    <Card
      title={
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t.title} <Badge count={unread} style={{ marginInlineStart: 8 }} data-testid="messages-unread" />
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t.subtitle}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={12} align="center">
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            options={[
              { value: 'all', label: t.all },
              { value: 'unread', label: t.unreadOnly },
            ]}
            onChange={(value) => {
              setUnreadOnly(value === 'unread');
              setPage(1);
            }}
            data-testid="messages-filter"
          />
          <Button disabled={unread === 0} loading={mark.isPending && mark.variables === 'all'} onClick={() => mark.mutate('all')} data-testid="messages-read-all">
            {t.markAllRead}
          </Button>
        </Flex>
      }
    >
      {list.error !== null && <ErrorAlert error={list.error} />}
      <Table<UserNotification>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t.empty }}
        onRow={(row) => ({ 'data-testid': `message-${row.id}`, 'data-read': String(row.read), style: row.read ? undefined : { background: '#f3f8ff' } }) as never}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            key: 'state',
            width: 100,
            render: (_, row) => (row.read ? <Typography.Text type="secondary">{t.read}</Typography.Text> : <Badge status="processing" text={t.unread} />),
          },
          {
            key: 'kind',
            title: t.kind,
            width: 130,
            render: (_, row) => (
              <Tag color={KIND_COLOURS[row.kind] ?? 'default'} data-testid="message-kind">
                {t.kinds[row.kind] ?? row.kind}
              </Tag>
            ),
          },
          { key: 'message', title: t.message, render: (_, row) => <span data-testid="message-text">{row.message}</span> },
          {
            key: 'about',
            title: t.about,
            width: 200,
            render: (_, row) =>
              row.caseId === null ? (
                '—'
              ) : (
                <Flex vertical>
                  <AppLink to={`/cases/${row.caseId}`} testId="message-case">
                    {row.caseNumber ?? row.caseId}
                  </AppLink>
                  {row.taskName !== null && <Typography.Text type="secondary">{row.taskName}</Typography.Text>}
                </Flex>
              ),
          },
          { key: 'at', title: t.at, width: 150, render: (_, row) => formatInstant(row.createdAt, locale) },
          {
            key: 'action',
            width: 110,
            render: (_, row) =>
              row.read ? null : (
                <Button size="small" onClick={() => mark.mutate(row.id)} loading={mark.isPending && mark.variables === row.id} data-testid="message-mark-read">
                  {t.markRead}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
