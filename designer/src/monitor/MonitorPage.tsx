import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Tabs, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { DepartmentLoad, MonitoredTask } from '../api/api.types.ts';
import { useServerClock } from '../api/clock-queries.ts';
import { useAtRisk, useDepartmentLoad, useEscalations, useOverdue, useRecentCaseDetails } from '../api/monitor-queries.ts';
import { queryKeys } from '../api/query-keys.ts';
import { definitionRefKey, useDefinitions, useDefinitionVersions, useDepartments, useJurisdictions } from '../api/reference-queries.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { useAuth } from '../shell/AuthProvider.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { complianceTone } from './compliance-tone.ts';
import { dailySeries } from './daily-series.ts';
import { EscalationList } from './EscalationList.tsx';
import { handledTasks } from './handled-tasks.ts';
import { HeatmapCard } from './HeatmapCard.tsx';
import { monitorMessages } from './monitor.messages.ts';
import { OverviewTable } from './OverviewTable.tsx';
import { departmentRows, districtRows } from './overview-rows.ts';
import { scopeTasks } from './scope-tasks.ts';
import { SlaTaskList } from './SlaTaskList.tsx';
import { TrendCharts } from './TrendCharts.tsx';

/** Cases whose tasks feed the figures the API has no aggregate for (handling times, heat, trends). */
const recentCases = 100;
/** Days the trend charts cover. */
const trendDays = 30;
const listPageSize = 10;
const noLoad: DepartmentLoad[] = [];

const toneColours = { success: '#389e0d', warning: '#d48806', danger: '#cf1322' };

/**
 * The manager's monitor, over their jurisdiction's subtree: totals; the overview per department
 * and per district (open, at risk, overdue, compliance, median handling time); overdue, at-risk
 * and escalation lists linking to cases; the heatmap on the process diagram; load and compliance
 * over time.
 */
export function MonitorPage() {
  const t = useMessages(monitorMessages);
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const clock = useServerClock();
  const [overduePage, setOverduePage] = useState(1);
  const [atRiskPage, setAtRiskPage] = useState(1);
  const [escalationPage, setEscalationPage] = useState(1);
  const load = useDepartmentLoad();
  const overdue = useOverdue({ limit: listPageSize, offset: (overduePage - 1) * listPageSize });
  const atRisk = useAtRisk({ limit: listPageSize, offset: (atRiskPage - 1) * listPageSize });
  const escalations = useEscalations({ limit: listPageSize, offset: (escalationPage - 1) * listPageSize });
  const recent = useRecentCaseDetails(recentCases);
  const definitionsList = useDefinitions();
  const departments = useDepartments();
  const jurisdictions = useJurisdictions();
  const refs = useMemo(
    () => recent.details.map((detail) => ({ key: detail.case.definitionKey, version: detail.case.definitionVersion })),
    [recent.details],
  );
  const definitions = useDefinitionVersions(refs);
  const latest = useDefinitionVersions((definitionsList.data?.items ?? []).map((item) => ({ key: item.key, version: item.version })));

  const loadRows = load.data?.items ?? noLoad;
  const scoped = useMemo(() => scopeTasks(recent.details, new Set(loadRows.map((row) => row.departmentId))), [recent.details, loadRows]);
  const handled = useMemo(() => handledTasks(scoped, definitions), [scoped, definitions]);
  const byDepartment = useMemo(() => departmentRows(loadRows, handled), [loadRows, handled]);
  const byDistrict = useMemo(() => districtRows(loadRows, handled, jurisdictions), [loadRows, handled, jurisdictions]);
  const series = useMemo(() => (clock.now === undefined ? null : dailySeries(scoped, clock.now, trendDays)), [scoped, clock.now]);

  const totals = loadRows.reduce(
    (sum, row) => ({ open: sum.open + row.open, atRisk: sum.atRisk + row.atRisk, overdue: sum.overdue + row.overdue, met: sum.met + row.met, breached: sum.breached + row.breached }),
    { open: 0, atRisk: 0, overdue: 0, met: 0, breached: 0 },
  );
  const closed = totals.met + totals.breached;
  const compliance = closed === 0 ? null : totals.met / closed;
  const workflowNames = new Map((definitionsList.data?.items ?? []).map((item) => [item.key, item.name]));
  const workflowName = (key: string) => workflowNames.get(key) ?? key;
  const caseVersion = new Map(recent.details.map((detail) => [detail.case.id, definitionRefKey({ key: detail.case.definitionKey, version: detail.case.definitionVersion })]));
  // A listed task's case may be older than the recent cases; its workflow's latest version then stands in for its calendar and units.
  const definitionOf = (task: MonitoredTask) => {
    const pinned = caseVersion.get(task.caseId);
    const latestVersion = definitionsList.data?.items.find((item) => item.key === task.definitionKey)?.version;
    return (pinned === undefined ? undefined : definitions.get(pinned)) ?? (latestVersion === undefined ? undefined : latest.get(definitionRefKey({ key: task.definitionKey, version: latestVersion })));
  };

  const kpi = (title: string, value: number, colour?: string, testId?: string) => (
    <Col flex="1 1 180px">
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value} styles={{ content: colour === undefined ? undefined : { color: colour } }} />
      </Card>
    </Col>
  );

  return (
    <Flex vertical gap={16} data-testid="monitor-page">
      <Flex justify="space-between" align="end" wrap gap={12}>
        <div>
          <Typography.Title level={3} className="tb-page-title" style={{ marginBottom: 4 }}>
            {t.title}
          </Typography.Title>
          <Typography.Text type="secondary">{t.subtitle(user?.jurisdiction.name ?? '')}</Typography.Text>
        </div>
        <Tooltip title={t.refresh}>
          <Button icon={<ReloadOutlined />} aria-label={t.refresh} onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.monitor })} />
        </Tooltip>
      </Flex>
      {load.isError && <ErrorAlert error={load.error} />}
      <Row gutter={[16, 16]}>
        {kpi(t.kpiOpen, totals.open, undefined, 'kpi-open')}
        {kpi(t.kpiAtRisk, totals.atRisk, totals.atRisk > 0 ? toneColours.warning : undefined, 'kpi-at-risk')}
        {kpi(t.kpiOverdue, totals.overdue, totals.overdue > 0 ? toneColours.danger : undefined, 'kpi-overdue')}
        <Col flex="1 1 180px">
          <Card size="small" data-testid="kpi-compliance">
            <Tooltip title={compliance === null ? undefined : t.kpiComplianceHint(totals.met, closed)}>
              <Statistic
                title={t.kpiCompliance}
                value={compliance === null ? t.noneClosed : (compliance * 100).toFixed(1)}
                suffix={compliance === null ? undefined : '%'}
                styles={{ content: compliance === null ? { fontSize: 16 } : { color: toneColours[complianceTone(compliance)] } }}
              />
            </Tooltip>
          </Card>
        </Col>
        {kpi(t.kpiEscalations, escalations.data?.total ?? 0, (escalations.data?.total ?? 0) > 0 ? toneColours.danger : undefined, 'kpi-escalations')}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={10}>
          <OverviewTable departments={byDepartment} districts={byDistrict} loading={load.isPending} />
        </Col>
        <Col xs={24} xxl={14}>
          <Card title={t.lists} size="small" styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              items={[
                {
                  key: 'overdue',
                  label: t.overdueTab(overdue.data?.total ?? 0),
                  children: (
                    <SlaTaskList
                      kind="overdue"
                      page={overdue.data}
                      loading={overdue.isPending}
                      definitionOf={definitionOf}
                      workflowName={workflowName}
                      departments={departments}
                      jurisdictions={jurisdictions}
                      onPage={setOverduePage}
                    />
                  ),
                },
                {
                  key: 'atRisk',
                  label: t.atRiskTab(atRisk.data?.total ?? 0),
                  children: (
                    <SlaTaskList
                      kind="atRisk"
                      page={atRisk.data}
                      loading={atRisk.isPending}
                      definitionOf={definitionOf}
                      workflowName={workflowName}
                      departments={departments}
                      jurisdictions={jurisdictions}
                      onPage={setAtRiskPage}
                    />
                  ),
                },
                {
                  key: 'escalations',
                  label: t.escalationsTab(escalations.data?.total ?? 0),
                  children: (
                    <EscalationList
                      page={escalations.data}
                      loading={escalations.isPending}
                      departments={departments}
                      jurisdictions={jurisdictions}
                      onPage={setEscalationPage}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Alert
        type="info"
        showIcon
        title={recent.complete ? t.sampleNote(recent.details.length, recent.total) : t.sampleLoading}
        data-testid="sample-note"
      />
      <HeatmapCard details={scoped} handled={handled} definitions={definitions} workflowName={workflowName} />
      {series !== null && <TrendCharts series={series} />}
    </Flex>
  );
}
