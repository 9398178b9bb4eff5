import { simulationProfiles } from '@tongban/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/simulate/html-report.ts';
import { profileSettings } from '../../src/simulate/profile-settings.ts';
import { runSimulation } from '../../src/simulate/run-simulation.ts';
import { simulationDefaults } from '../../src/simulate/simulation-options.ts';
import type { SimulationReport } from '../../src/simulate/simulation-report.ts';
import { startSimulationSystem, TEST_API_KEY, type SimulationSystem } from './support/simulation-system.ts';

let system: SimulationSystem;
let page: string;
let shown: SimulationReport[];

/** Two workflows, one after the other on one system, as `tongban simulate --all` runs them. */
const RUNS = [
  { workflow: 'hotline-ticket', cases: 24 },
  { workflow: 'construction-low-risk', cases: 8 },
];

beforeAll(async () => {
  system = await startSimulationSystem();
  const reports: SimulationReport[] = [];
  for (const run of RUNS) {
    const profile = simulationProfiles.find((p) => p.workflow === run.workflow);
    reports.push(
      await runSimulation({
        ...simulationDefaults,
        ...profileSettings(profile, { slowRate: 0.15 }),
        url: system.url,
        workflow: run.workflow,
        cases: run.cases,
        seed: 11,
        arrivalDays: 3,
        apiKey: TEST_API_KEY,
      }),
    );
  }
  page = renderHtmlReport({ reports, generatedAt: '2026-12-07T00:00:00.000Z', echarts: '/* echarts */' });
  const embedded = /<script id="report-data" type="application\/json">([^<]*)<\/script>/.exec(page)?.[1];
  shown = (JSON.parse(embedded ?? 'null') as { reports: SimulationReport[] }).reports;
}, 600_000);

afterAll(async () => {
  await system?.close();
});

describe('the HTML report of two workflows simulated one after the other', () => {
  it('embeds one report per workflow, in the order they ran, with the charts that draw them', () => {
    expect(shown.map((r) => r.workflow.key)).toEqual(RUNS.map((r) => r.workflow));
    for (const id of ['chart-cases', 'chart-steps', 'chart-limits', 'chart-waited', 'chart-escalations', 'summary']) expect(page).toContain(`id="${id}"`);
    expect(page).toContain('/* echarts */');
  });

  it('shows per workflow the cases by result that the database holds', async () => {
    const rows = await system.database.sql<{ key: string; result: string; n: number }[]>`
      select definition_key as key, coalesce(result, 'unfinished') as result, count(*)::int as n from cases group by 1, 2`;
    for (const report of shown) {
      const mine = rows.filter((r) => r.key === report.workflow.key);
      expect(report.cases.byResult, report.workflow.key).toEqual(Object.fromEntries(mine.map((r) => [r.result, r.n])));
      expect(report.cases.workingDaysHistogram.reduce((sum, n) => sum + n, 0)).toBe(report.cases.workingDays.count);
    }
    const answered = shown[0]?.cases.byResult.answeredAtIntake ?? 0;
    expect(answered).toBeGreaterThan(0);
  });

  it('shows per workflow the tasks of each step, and the working days summed per step, that the database holds', async () => {
    const rows = await system.database.sql<{ key: string; node_id: string; tasks: number; completed: number }[]>`
      select c.definition_key as key, t.node_id, count(*)::int as tasks,
             count(*) filter (where t.status = 'completed')::int as completed
      from tasks t join cases c on c.id = t.case_id group by 1, 2`;
    for (const report of shown) {
      for (const step of report.steps) {
        const row = rows.find((r) => r.key === report.workflow.key && r.node_id === step.nodeId);
        expect({ tasks: step.tasks, completed: step.completed }, `${report.workflow.key}/${step.nodeId}`).toEqual({ tasks: row?.tasks ?? 0, completed: row?.completed ?? 0 });
        if (step.completed === 0) expect(step.totalWorkingDays).toBe(0);
        else expect(step.totalWorkingDays).toBeGreaterThanOrEqual(step.workingDays.median ?? 0);
      }
    }
  });

  it('shows per department the statutory limits met and breached that the database holds, summed over the workflows', async () => {
    const rows = await system.database.sql<{ department_id: string; met: number; breached: number }[]>`
      select department_id, count(*) filter (where sla_state = 'met')::int as met, count(*) filter (where sla_state = 'breached')::int as breached
      from tasks group by department_id`;
    const summed = new Map<string, { met: number; breached: number }>();
    for (const d of shown.flatMap((r) => r.departments)) {
      const s = summed.get(d.departmentId) ?? { met: 0, breached: 0 };
      summed.set(d.departmentId, { met: s.met + d.met, breached: s.breached + d.breached });
    }
    expect(Object.fromEntries(summed)).toEqual(Object.fromEntries(rows.map((r) => [r.department_id, { met: r.met, breached: r.breached }])));
  });

  it('shows the escalations the notifications table holds, and the deemed approvals of silent departments', async () => {
    const [row] = await system.database.sql<{ notices: number }[]>`select count(*)::int as notices from notifications where kind = 'escalation' and user_id is null`;
    expect(shown.reduce((sum, r) => sum + r.escalations.notices, 0)).toBe(row?.notices);
    const [deemed] = await system.database.sql<{ n: number }[]>`select count(*)::int as n from tasks where close_reason = 'breached'`;
    const closed = shown[1]?.steps.reduce((sum, s) => sum + s.closed, 0) ?? 0;
    expect(closed).toBe(deemed?.n);
  });
});
