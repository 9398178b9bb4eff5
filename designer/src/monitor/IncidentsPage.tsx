import { ArrowLeftOutlined, RedoOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useDefinitions } from '../api/reference-queries.ts';
import { useIncidents, useTaskOperation } from '../api/task-operation-queries.ts';
import type { Incident, IncidentKind } from '../api/task-operation.types.ts';
import { taskOperationsApi } from '../api/task-operations-api.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { AppLink } from '../shell/AppLink.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { navigate } from '../shell/router.ts';
import { useApiErrorText } from '../shell/use-api-error-text.ts';
import { casePath } from '../tasks/task-path.ts';
import { taskListsMessages } from '../tasks/task-lists.messages.ts';
import { incidentsMessages } from './incidents.messages.ts';

type KindFilter = 'all' | IncidentKind;

/**
 * Incidents (`/monitor/incidents`): service tasks that failed after their retries and FEEL
 * expressions over their budget, in the manager's jurisdiction, filtered by kind and status; a
 * service incident is retried from here (a condition incident resolves when its step is sent again).
 */
export function IncidentsPage() {
  const t = useMessages(incidentsMessages);
  const l = useMessages(taskListsMessages);
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const errorText = useApiErrorText();
  const definitions = useDefinitions();
  const [kind, setKind] = useState<KindFilter>('all');
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const incidents = useIncidents({ ...(kind !== 'all' && { kind }), status, limit: page.pageSize, offset: (page.current - 1) * page.pageSize });
  const retry = useTaskOperation((input: { incidentId: string; caseId: string }) => taskOperationsApi.retryIncident(input.incidentId));
  const workflowName = (key: string) => definitions.data?.items.find((d) => d.key === key)?.name ?? key;

  const onRetry = (incident: Incident) =>
    retry.mutate(
      { incidentId: incident.id, caseId: incident.caseId },
      { onSuccess: () => void message.success(t.retried), onError: (error) => void message.error(errorText(error)) },
    );

  const columns: ColumnsType<Incident> = [
    {
      title: t.columnCase,
      key: 'case',
      render: (_, incident) => (
        <Flex vertical>
          <AppLink to={casePath(incident.caseId)} testId={`incident-case-${incident.id}`}>
            {workflowName(incident.definitionKey)}
          </AppLink>
          <Typography.Text type="secondary" code style={{ fontSize: 12, width: 'fit-content' }}>
            {incident.caseNumber}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t.columnKind, key: 'kind', render: (_, incident) => <Tag color={incident.kind === 'service' ? 'orange' : 'purple'}>{t.kinds[incident.kind]}</Tag> },
    {
      title: t.columnWhere,
      key: 'where',
      render: (_, incident) => (
        <Flex vertical>
          <span>{incident.nodeId}</span>
          {(incident.service ?? incident.expression) !== null && (
            <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
              {incident.service ?? incident.expression}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t.columnError,
      key: 'error',
      render: (_, incident) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: incident.error }} style={{ margin: 0, maxWidth: 360 }}>
          {incident.error}
        </Typography.Paragraph>
      ),
    },
    { title: t.columnAttempts, key: 'attempts', dataIndex: 'attempts', align: 'right' },
    { title: t.columnCreated, key: 'created', render: (_, incident) => formatInstant(incident.createdAt, locale) },
    {
      title: t.columnStatus,
      key: 'status',
      render: (_, incident) => <Tag color={incident.status === 'open' ? 'red' : 'green'}>{t.statuses[incident.status]}</Tag>,
    },
    {
      title: t.columnActions,
      key: 'actions',
      align: 'right',
      render: (_, incident) =>
        incident.status === 'open' && (
          <Tooltip title={incident.kind === 'feel' ? t.notRetryable : undefined}>
            <Button
              size="small"
              icon={<RedoOutlined />}
              disabled={incident.kind === 'feel'}
              loading={retry.isPending && retry.variables.incidentId === incident.id}
              onClick={() => onRetry(incident)}
              data-testid={`incident-retry-${incident.id}`}
            >
              {t.retry}
            </Button>
          </Tooltip>
        ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="incidents-page">
      <div>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/monitor')} style={{ paddingInline: 0 }}>
          {l.incidentsBack}
        </Button>
      </div>
      <Flex justify="space-between" align="end" wrap gap={12}>
        <div>
          <Typography.Title level={3} className="tb-page-title" style={{ marginBottom: 4 }}>
            {t.title}
          </Typography.Title>
          <Typography.Text type="secondary">{t.subtitle}</Typography.Text>
        </div>
        <Flex gap={8} wrap>
          <Segmented<KindFilter>
            value={kind}
            onChange={(next) => {
              setKind(next);
              setPage((current) => ({ ...current, current: 1 }));
            }}
            options={(['all', 'service', 'feel'] as const).map((value) => ({ value, label: t.kinds[value] }))}
            data-testid="incident-kind"
          />
          <Segmented<'open' | 'resolved'>
            value={status}
            onChange={(next) => {
              setStatus(next);
              setPage((current) => ({ ...current, current: 1 }));
            }}
            options={(['open', 'resolved'] as const).map((value) => ({ value, label: t.statuses[value] }))}
            data-testid="incident-status"
          />
        </Flex>
      </Flex>
      {incidents.isError && <ErrorAlert error={incidents.error} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Incident>
          rowKey="id"
          columns={columns}
          dataSource={incidents.data?.items ?? []}
          loading={incidents.isPending}
          locale={{ emptyText: t.empty }}
          data-testid="incidents-table"
          onRow={(incident) => ({ 'data-testid': `incident-row-${incident.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: incidents.data?.total ?? 0,
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
        />
      </Card>
    </Flex>
  );
}
