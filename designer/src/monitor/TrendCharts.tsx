import { Card, Col, Row, Typography } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core.js';
import { useMemo } from 'react';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { echarts } from './echarts.ts';
import { monitorMessages } from './monitor.messages.ts';
import type { TrendSeries } from './trend-series.ts';

const palette = { open: '#1f4e8c', created: '#8fb3e0', met: '#3f8b4e', breached: '#b3261e', compliance: '#c98a14' };
const chartHeight = 260;

/** Load (open at day end, created) and SLA compliance (closed on time and late, daily share) over the days of `series`. */
export function TrendCharts({ series }: { series: TrendSeries }) {
  const t = useMessages(monitorMessages);
  const load = useMemo(
    () => ({
      color: [palette.open, palette.created],
      tooltip: { trigger: 'axis' },
      legend: { data: [t.seriesOpen, t.seriesCreated], bottom: 0 },
      grid: { left: 40, right: 16, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: series.dates.map((date) => date.slice(5)) },
      yAxis: { type: 'value', name: t.count, minInterval: 1 },
      series: [
        { name: t.seriesOpen, type: 'line', smooth: true, areaStyle: { opacity: 0.12 }, data: series.open },
        { name: t.seriesCreated, type: 'bar', barMaxWidth: 14, data: series.created },
      ],
    }),
    [series, t],
  );
  const compliance = useMemo(
    () => ({
      color: [palette.met, palette.breached, palette.compliance],
      tooltip: { trigger: 'axis' },
      legend: { data: [t.seriesMet, t.seriesBreached, t.seriesCompliance], bottom: 0 },
      grid: { left: 40, right: 48, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: series.dates.map((date) => date.slice(5)) },
      yAxis: [
        { type: 'value', name: t.count, minInterval: 1 },
        { type: 'value', name: t.percent, min: 0, max: 100, position: 'right' },
      ],
      series: [
        { name: t.seriesMet, type: 'bar', stack: 'closed', barMaxWidth: 14, data: series.met },
        { name: t.seriesBreached, type: 'bar', stack: 'closed', barMaxWidth: 14, data: series.breached },
        {
          name: t.seriesCompliance,
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          data: series.compliance.map((share) => (share === null ? null : Math.round(share * 1000) / 10)),
        },
      ],
    }),
    [series, t],
  );
  return (
    <Card title={t.trends} size="small" data-testid="trend-charts">
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Typography.Text strong>{t.loadChart}</Typography.Text>
          <ReactEChartsCore echarts={echarts} option={load} notMerge style={{ height: chartHeight }} data-testid="load-chart" />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Text strong>{t.complianceChart}</Typography.Text>
          <ReactEChartsCore echarts={echarts} option={compliance} notMerge style={{ height: chartHeight }} data-testid="compliance-chart" />
        </Col>
      </Row>
    </Card>
  );
}
