import { describe, expect, it } from 'vitest';
import report from './__fixtures__/small-report.json' with { type: 'json' };
import { renderHtmlReport } from './html-report.ts';
import type { SimulationReport } from './simulation-report.ts';

const small = report as unknown as SimulationReport;

function embedded(page: string): { reports: SimulationReport[]; generatedAt: string } {
  const json = /<script id="report-data" type="application\/json">([^<]*)<\/script>/.exec(page)?.[1];
  return JSON.parse(json ?? 'null') as { reports: SimulationReport[]; generatedAt: string };
}

describe('renderHtmlReport', () => {
  it('embeds the reports as they are, for the charts to draw', () => {
    const page = renderHtmlReport({ reports: [small, small], generatedAt: '2026-12-07T10:00:00.000Z', echarts: '/* echarts */' });
    expect(embedded(page)).toMatchObject({ reports: [small, small], generatedAt: '2026-12-07T10:00:00.000Z' });
    expect(page).toContain('<script>/* echarts */</script>');
  });

  it('keeps a name holding </script> inside the data', () => {
    const hostile = { ...small, workflow: { ...small.workflow, name: '</script><script>alert(1)</script>' } };
    const page = renderHtmlReport({ reports: [hostile], generatedAt: 'now', echarts: '' });
    expect(page.match(/<\/script>/g)).toHaveLength(3);
    expect(embedded(page).reports[0]?.workflow.name).toBe(hostile.workflow.name);
  });
});
