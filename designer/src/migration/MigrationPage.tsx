import type { WorkflowDefinition } from '@tongban/engine';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Modal, Select, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { designApi } from '../design/design-api.ts';
import { ProcessDiagram } from '../design/ProcessDiagram.tsx';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/index.ts';
import { navigate, useLocationPath } from '../shell/router.ts';
import { useApiErrorText } from '../shell/use-api-error-text.ts';
import { migrationApi, type CaseMigrationResult, type MigrationReport } from './migration-api.ts';
import { migrationMessages } from './migration.messages.ts';
import { chosenMapping, mappableTargets, suggestMapping, waitingNodes } from './suggest-mapping.ts';

const ACTION_COLOURS: Record<string, string> = { kept: 'default', mapped: 'blue', refused: 'red', recounted: 'orange', cancelled: 'default', armed: 'green' };
const STATUS_COLOURS: Record<string, string> = { ready: 'green', migrated: 'blue', refused: 'red' };

/**
 * The migration of running cases (Design area, `/design/migrations?key=…&from=…&to=…`): source
 * and target diagrams side by side, the node mapping (suggested by equal ids, editable), a dry run
 * listing each case with what happens to its tasks and timers, then apply to the chosen cases or
 * all ready ones.
 */
export function MigrationPage() {
  const t = useMessages(migrationMessages);
  const { locale } = useLocale();
  const errorText = useApiErrorText();
  const { search } = useLocationPath();
  const key = search.get('key') ?? undefined;
  const from = search.get('from') === null ? undefined : Number(search.get('from'));
  const to = search.get('to') === null ? undefined : Number(search.get('to'));
  const setQuery = (next: { key?: string | undefined; from?: number | undefined; to?: number | undefined }) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value !== undefined) params.set(name, String(value));
    navigate(`/design/migrations?${params}`, { replace: true });
  };

  const workflows = useQuery({ queryKey: ['definitions'], queryFn: () => designApi.listDefinitions() });
  const workflow = workflows.data?.items.find((item) => item.key === key);
  const ascending = [...(workflow?.versions ?? [])].sort((a, b) => a - b);
  const source = useQuery({ queryKey: ['definition-version', key, from], queryFn: () => designApi.getVersion(key ?? '', from ?? 0), enabled: key !== undefined && from !== undefined });
  const target = useQuery({ queryKey: ['definition-version', key, to], queryFn: () => designApi.getVersion(key ?? '', to ?? 0), enabled: key !== undefined && to !== undefined });

  const [mapping, setMapping] = useState<Record<string, string | undefined>>({});
  const [report, setReport] = useState<MigrationReport | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  useEffect(() => {
    if (source.data !== undefined && target.data !== undefined) setMapping(suggestMapping(source.data.definition, target.data.definition));
    setReport(null);
    setSelected([]);
  }, [source.data, target.data]);

  const request = (caseIds?: string[]) => ({ sourceVersion: from ?? 0, targetVersion: to ?? 0, mapping: chosenMapping(mapping), ...(caseIds === undefined ? {} : { caseIds }) });
  const dryRun = useMutation({ mutationFn: () => migrationApi.dryRun(key ?? '', request()), onSuccess: (answer) => (setReport(answer), setSelected([])) });
  const apply = useMutation({
    mutationFn: (caseIds: string[]) => migrationApi.apply(key ?? '', request(caseIds)),
    onSuccess: (answer) => (setReport(answer), setSelected([])),
    onSettled: () => setConfirming(null),
  });

  const sourceDefinition = source.data?.definition;
  const targetDefinition = target.data?.definition;
  const changedSource = Object.entries(mapping).flatMap(([node, chosen]) => (chosen !== undefined && chosen !== node ? [node] : []));
  const changedTarget = Object.entries(mapping).flatMap(([node, chosen]) => (chosen !== undefined && chosen !== node ? [chosen] : []));
  const ready = report?.cases.filter((c) => c.status === 'ready') ?? [];
  const nodeName = (definition: WorkflowDefinition | undefined, id: string) => definition?.nodes.find((node) => node.id === id)?.name ?? id;
  const reasonText = (code: string | undefined) => (code === undefined ? '' : (t.reason[code] ?? t.otherReason(code)));

  const mappingRows = useMemo(() => (sourceDefinition === undefined ? [] : waitingNodes(sourceDefinition)), [sourceDefinition]);
  const columns = [
    { title: t.columns.case, dataIndex: 'caseId', key: 'case', render: (id: string) => <Typography.Text copyable={{ text: id }} data-testid="migration-case-id">{id.slice(0, 8)}</Typography.Text> },
    {
      title: t.columns.status,
      key: 'status',
      render: (_: unknown, row: CaseMigrationResult) => (
        <Flex vertical gap={2}>
          <Tag color={STATUS_COLOURS[row.status]} data-testid={`migration-status-${row.caseId}`}>{t.status[row.status]}</Tag>
          {row.reason !== undefined && <Typography.Text type="danger" style={{ fontSize: 12 }}>{reasonText(row.reason)}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t.columns.tasks,
      key: 'tasks',
      render: (_: unknown, row: CaseMigrationResult) => (
        <Flex vertical gap={2}>
          {row.tasks.map((task) => (
            <span key={task.activationId}>
              <Tag color={ACTION_COLOURS[task.action]}>{t.action[task.action]}</Tag>
              {nodeName(sourceDefinition, task.nodeId)}
              {task.targetNodeId !== task.nodeId && ` → ${nodeName(targetDefinition, task.targetNodeId)}`}
              {task.reason !== undefined && <Typography.Text type="danger"> · {reasonText(task.reason)}</Typography.Text>}
              {task.targetDepartmentId !== undefined && <Typography.Text type="warning"> · {t.rerouted}</Typography.Text>}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      title: t.columns.timers,
      key: 'timers',
      render: (_: unknown, row: CaseMigrationResult) =>
        row.timers.length === 0 ? (
          t.none
        ) : (
          <Flex vertical gap={2}>
            {row.timers.map((timer, index) => (
              <span key={timer.timerId ?? `armed-${index}`}>
                <Tag color={ACTION_COLOURS[timer.action]}>{t.action[timer.action]}</Tag>
                {t.timerKind[timer.kind] ?? timer.kind}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {timer.action === 'recounted' || timer.action === 'armed'
                    ? t.due(formatInstant(timer.dueAt, locale), formatInstant(timer.targetDueAt, locale))
                    : formatInstant(timer.dueAt, locale)}
                </Typography.Text>
              </span>
            ))}
          </Flex>
        ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="migration-page">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>{t.title}</Typography.Title>
        <Typography.Text type="secondary">{t.subtitle}</Typography.Text>
      </div>
      <Space wrap>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 260 }}
          placeholder={t.workflow}
          aria-label={t.workflow}
          value={key}
          loading={workflows.isLoading}
          options={(workflows.data?.items ?? []).map((item) => ({ value: item.key, label: `${item.name}（${item.key}）` }))}
          onChange={(value: string) => {
            const versions = [...(workflows.data?.items.find((item) => item.key === value)?.versions ?? [])].sort((a, b) => a - b);
            setQuery({ key: value, from: versions.at(-2), to: versions.at(-1) });
          }}
          data-testid="migration-workflow"
        />
        <Select
          style={{ width: 140 }}
          aria-label={t.sourceVersion}
          placeholder={t.sourceVersion}
          value={from}
          options={ascending.slice(0, -1).map((v) => ({ value: v, label: t.version(v) }))}
          onChange={(value: number) => setQuery({ key, from: value, to: to !== undefined && to > value ? to : ascending.at(-1) })}
          data-testid="migration-source"
        />
        →
        <Select
          style={{ width: 140 }}
          aria-label={t.targetVersion}
          placeholder={t.targetVersion}
          value={to}
          options={ascending.filter((v) => from === undefined || v > from).map((v) => ({ value: v, label: t.version(v) }))}
          onChange={(value: number) => setQuery({ key, from, to: value })}
          data-testid="migration-target"
        />
      </Space>
      {workflow !== undefined && ascending.length < 2 && <Alert type="info" showIcon title={t.noLaterVersion} />}
      {(source.error ?? target.error) && <Alert type="error" showIcon title={errorText(source.error ?? target.error)} />}
      {sourceDefinition !== undefined && targetDefinition !== undefined && from !== undefined && to !== undefined && (
        <>
          <Flex gap={12}>
            <div style={{ flex: 1, minWidth: 0 }} data-testid="migration-source-diagram">
              <Card size="small" title={t.sourceDiagram(from)}>
                <ProcessDiagram definition={sourceDefinition} activeNodeIds={changedSource} activeLabel={t.remapped} height={300} />
              </Card>
            </div>
            <div style={{ flex: 1, minWidth: 0 }} data-testid="migration-target-diagram">
              <Card size="small" title={t.targetDiagram(to)}>
                <ProcessDiagram definition={targetDefinition} activeNodeIds={changedTarget} activeLabel={t.remapped} height={300} />
              </Card>
            </div>
          </Flex>
          <Card size="small" title={t.mapping} extra={<Typography.Text type="secondary">{t.mappingHint}</Typography.Text>}>
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={mappingRows}
              columns={[
                { title: t.sourceNode, key: 'source', render: (_: unknown, node) => `${node.name}（${node.id}）` },
                {
                  title: t.targetNode,
                  key: 'target',
                  render: (_: unknown, node) => (
                    <Select
                      allowClear
                      style={{ width: 280 }}
                      placeholder={t.unmapped}
                      value={mapping[node.id]}
                      onChange={(value: string | undefined) => setMapping((current) => ({ ...current, [node.id]: value }))}
                      options={mappableTargets(targetDefinition, node.type).map((candidate) => ({ value: candidate.id, label: `${candidate.name}（${candidate.id}）` }))}
                      data-testid={`mapping-${node.id}`}
                    />
                  ),
                },
              ]}
            />
          </Card>
          <Space>
            <Button type="primary" loading={dryRun.isPending} onClick={() => dryRun.mutate()} data-testid="migration-validate">
              {t.validate}
            </Button>
            {report?.dryRun === true && (
              <>
                <Button disabled={selected.length === 0} onClick={() => setConfirming(selected)} data-testid="migration-apply-selected">
                  {t.applySelected(selected.length)}
                </Button>
                <Button danger disabled={ready.length === 0} onClick={() => setConfirming(ready.map((c) => c.caseId))} data-testid="migration-apply-all">
                  {t.applyAll}
                </Button>
              </>
            )}
          </Space>
          {(dryRun.error ?? apply.error) && <Alert type="error" showIcon title={errorText(dryRun.error ?? apply.error)} data-testid="migration-error" />}
          {report !== null && (
            <Card
              size="small"
              title={report.dryRun ? t.dryRunTitle : t.applyTitle}
              extra={
                <span data-testid="migration-summary">
                  {report.dryRun
                    ? t.summary(ready.length, report.cases.length - ready.length)
                    : t.appliedSummary(report.cases.filter((c) => c.status === 'migrated').length, report.cases.filter((c) => c.status === 'refused').length)}
                </span>
              }
            >
              <div data-testid="migration-cases">
                <Table<CaseMigrationResult>
                  size="small"
                  rowKey="caseId"
                  dataSource={report.cases}
                  columns={columns}
                  locale={{ emptyText: t.noCases }}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  {...(report.dryRun
                    ? {
                        rowSelection: {
                          selectedRowKeys: selected,
                          onChange: (keys) => setSelected(keys.map(String)),
                          getCheckboxProps: (row: CaseMigrationResult) => ({ disabled: row.status !== 'ready' }),
                        },
                      }
                    : {})}
                />
              </div>
            </Card>
          )}
          <Modal
            open={confirming !== null}
            title={t.applyTitle}
            okText={t.confirm}
            cancelText={t.cancel}
            onCancel={() => setConfirming(null)}
            onOk={() => {
              if (confirming !== null) apply.mutate(confirming);
            }}
            confirmLoading={apply.isPending}
            okButtonProps={{ danger: true, 'data-testid': 'migration-confirm' } as ButtonProps}
          >
            {t.confirmApply(confirming?.length ?? 0)}
          </Modal>
        </>
      )}
    </Flex>
  );
}
