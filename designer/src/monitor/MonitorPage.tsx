import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Skeleton, Space, Statistic, Tabs, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { DepartmentLoad, DistrictHandling, MonitoredTask } from '../api/api.types.ts';
import { useAtRisk, useDailySeries, useEscalations, useMonitorLoad, useOverdue } from '../api/monitor-queries.ts';
import { useExtensionRequests } from '../api/extension-queries.ts';
import { queryKeys } from '../api/query-keys.ts';
import { definitionRefKey, useDefinitions, useDefinitionVersions, useDepartments, useJurisdictions } from '../api/reference-queries.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { useAuth } from '../shell/AuthProvider.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { complianceTone } from './compliance-tone.ts';
import { extensionMessages } from '../tasks/extension.messages.ts';
import { forecastMessages } from './forecast.messages.ts';
import { ForecastPanel } from './ForecastPanel.tsx';
import { EscalationList } from './EscalationList.tsx';
import { ExtensionRequestList } from './ExtensionRequestList.tsx';
import { HeatmapCard } from './HeatmapCard.tsx';
import { MonitorLinks } from './MonitorLinks.tsx';
import { monitorMessages } from './monitor.messages.ts';
import { OverviewTable } from './OverviewTable.tsx';
import { departmentRows, districtRows } from './overview-rows.ts';
import { MonitorListFilterBar, type MonitorListFilters } from './MonitorListFilterBar.tsx';
import { SlaTaskList } from './SlaTaskList.tsx';
import { TrendCharts } from './TrendCharts.tsx';
import { trendSeries } from './trend-series.ts';

const listPageSize = 10;
const noLoad: DepartmentLoad[] = [];
const noDistricts: DistrictHandling[] = [];

const toneColours = { success: '#389e0d', warning: '#d48806', danger: '#cf1322' };

/**
 * The manager's monitor, over their jurisdiction's subtree: totals; the overview per department
 * and per district (open, at risk, overdue, compliance, median handling time); overdue, at-risk
 * and escalation lists linking to cases, and the extension requests awaiting the viewer's approval
 * (its KPI opens that list), and for a manager the forecast of breaches with a what-if; the heatmap on the process diagram; load and compliance over the last
 * 30 days. Every figure is counted by the API over all tasks in the caller's scope.
 */
export function MonitorPage() {
  const t = useMessages(monitorMessages);
  const x = useMessages(extensionMessages);
  const f = useMessages(forecastMessages);
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [overduePage, setOverduePage] = useState(1);
  const [atRiskPage, setAtRiskPage] = useState(1);
  const [escalationPage, setEscalationPage] = useState(1);
  const [extensionPage, setExtensionPage] = useState(1);
  const [listTab, setListTab] = useState('overdue');
  const [filters, setFilters] = useState<MonitorListFilters>({});
  const load = useMonitorLoad();
  const overdue = useOverdue({ ...filters, limit: listPageSize, offset: (overduePage - 1) * listPageSize });
  const atRisk = useAtRisk({ ...filters, limit: listPageSize, offset: (atRiskPage - 1) * listPageSize });
  const filterLists = (next: MonitorListFilters) => {
    setFilters(next);
    setOverduePage(1);
    setAtRiskPage(1);
  };
  const escalations = useEscalations({ limit: listPageSize, offset: (escalationPage - 1) * listPageSize });
  const extensions = useExtensionRequests({ limit: listPageSize, offset: (extensionPage - 1) * listPageSize });
  const pendingExtensions = extensions.data?.total ?? 0;
  const series = useDailySeries();
  const definitionsList = useDefinitions();
  const departments = useDepartments();
  const jurisdictions = useJurisdictions();
  const latest = useDefinitionVersions((definitionsList.data?.items ?? []).map((item) => ({ key: item.key, version: item.version })));

  const loadRows = load.data?.items ?? noLoad;
  const districts = load.data?.districts ?? noDistricts;
  const byDepartment = useMemo(() => departmentRows(loadRows), [loadRows]);
  const byDistrict = useMemo(() => districtRows(loadRows, districts, jurisdictions), [loadRows, districts, jurisdictions]);
  const trends = useMemo(() => (series.data === undefined ? null : trendSeries(series.data.days)), [series.data]);

  const totals = loadRows.reduce(
    (sum, row) => ({ open: sum.open + row.open, atRisk: sum.atRisk + row.atRisk, overdue: sum.overdue + row.overdue, met: sum.met + row.met, breached: sum.breached + row.breached }),
    { open: 0, atRisk: 0, overdue: 0, met: 0, breached: 0 },
  );
  const closed = totals.met + totals.breached;
  const compliance = closed === 0 ? null : totals.met / closed;
  const workflowNames = new Map((definitionsList.data?.items ?? []).map((item) => [item.key, item.name]));
  const workflowName = (key: string) => workflowNames.get(key) ?? key;
  // A listed task carries its workflow's key only: the latest version stands in for its calendar and units.
  const definitionOf = (task: MonitoredTask) => {
    const latestVersion = definitionsList.data?.items.find((item) => item.key === task.definitionKey)?.version;
    return latestVersion === undefined ? undefined : latest.get(definitionRefKey({ key: task.definitionKey, version: latestVersion }));
  };
  const latestDefinition = (key: string) => {
    const latestVersion = definitionsList.data?.items.find((item) => item.key === key)?.version;
    return latestVersion === undefined ? undefined : latest.get(definitionRefKey({ key, version: latestVersion }));
  };
  const departmentsInScope = loadRows.flatMap((row) => {
    const department = departments.get(row.departmentId);
    return department === undefined ? [] : [department];
  });
  const listsLoaded = overdue.isSuccess && atRisk.isSuccess && definitionsList.isSuccess;
  const preferredKey = overdue.data?.items[0]?.definitionKey ?? atRisk.data?.items[0]?.definitionKey;

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
        <Space wrap>
          <MonitorLinks />
          <Tooltip title={t.refresh}>
            <Button icon={<ReloadOutlined />} aria-label={t.refresh} onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.monitor })} />
          </Tooltip>
        </Space>
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
        <Col flex="1 1 180px">
          <Card size="small" hoverable onClick={() => setListTab('extensions')} data-testid="kpi-extensions">
            <Statistic title={x.kpi} value={pendingExtensions} styles={{ content: pendingExtensions > 0 ? { color: toneColours.warning } : undefined }} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={10}>
          <OverviewTable departments={byDepartment} districts={byDistrict} loading={load.isPending} />
        </Col>
        <Col xs={24} xxl={14}>
          <Card
            title={t.lists}
            size="small"
            styles={{ body: { paddingTop: 0 } }}
            extra={
              <MonitorListFilterBar
                value={filters}
                onChange={filterLists}
                departments={departmentsInScope}
                workflows={(definitionsList.data?.items ?? []).map((item) => ({ key: item.key, name: item.name }))}
                definitionOf={latestDefinition}
              />
            }
            id="monitor-lists"
          >
            <Tabs
              activeKey={listTab}
              onChange={setListTab}
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
                {
                  key: 'extensions',
                  label: <span data-testid="extensions-tab">{x.listTab(pendingExtensions)}</span>,
                  children: (
                    <ExtensionRequestList page={extensions.data} loading={extensions.isPending} departments={departments} onPage={setExtensionPage} />
                  ),
                },
                ...(user?.roles.includes('manager')
                  ? [{ key: 'forecast', label: <span data-testid="forecast-tab">{f.tab}</span>, children: <ForecastPanel /> }]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      {listsLoaded ? (
        <HeatmapCard
          definitions={definitionsList.data.items}
          preferredKey={preferredKey}
          workflowName={workflowName}
          onOpenNode={(definitionKey, nodeId) => {
            filterLists({ definitionKey, nodeId });
            document.getElementById('monitor-lists')?.scrollIntoView({ behavior: 'smooth' });
          }}
        />
      ) : (
        <Card title={t.heat} size="small">
          <Skeleton active />
        </Card>
      )}
      {series.isError && <ErrorAlert error={series.error} />}
      {trends !== null && <TrendCharts series={trends} />}
    </Flex>
  );
}
