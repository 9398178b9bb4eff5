import { workingMinutesBetween, cnMainlandCalendar } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/simulate/run-simulation.ts';
import { simulationDefaults } from '../../src/simulate/simulation-options.ts';
import type { SimulationReport } from '../../src/simulate/simulation-report.ts';
import { startSimulationSystem, TEST_API_KEY, type SimulationSystem } from './support/simulation-system.ts';

let system: SimulationSystem;
let report: SimulationReport;

beforeAll(async () => {
  system = await startSimulationSystem();
  report = await runSimulation({
    ...simulationDefaults,
    url: system.url,
    workflow: 'open-restaurant',
    cases: 30,
    seed: 7,
    // High rates, so that 30 cases go through returns, rejections, supplements and breaches.
    rates: { returnRate: 0.1, rejectRate: 0.03, supplementRate: 0.25, slowRate: 0.3 },
    slowDays: [4, 9],
    arrivalDays: 5,
    apiKey: TEST_API_KEY,
  });
}, 240_000);

afterAll(async () => {
  await system?.close();
});

/** Median of a sorted copy: the middle value, or the mean of the two middle ones. */
function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length / 2;
  return sorted.length % 2 === 1 ? (sorted[Math.floor(half)] as number) : ((sorted[half - 1] as number) + (sorted[half] as number)) / 2;
}

describe('a simulation of 30 restaurant cases', () => {
  it('brings every case to an end, with no decision refused', () => {
    expect(report.run.stoppedBecause).toBe('allCompleted');
    expect(report.run.refused).toEqual({ count: 0, examples: [] });
    expect(report.cases.filed).toBe(30);
  });

  it('reports the cases by result that the database holds', async () => {
    const rows = await system.database.sql<{ result: string; n: number }[]>`
      select coalesce(result, 'unfinished') as result, count(*)::int as n from cases group by 1`;
    expect(report.cases.byResult).toEqual(Object.fromEntries(rows.map((r) => [r.result, r.n])));
  });

  it('reports the tasks of each step that the database holds', async () => {
    const rows = await system.database.sql<{ node_id: string; tasks: number; completed: number; closed: number; open: number }[]>`
      select node_id, count(*)::int as tasks,
             count(*) filter (where status = 'completed')::int as completed,
             count(*) filter (where status = 'closed')::int as closed,
             count(*) filter (where status in ('open', 'claimed'))::int as open
      from tasks group by node_id`;
    const reported = report.steps.filter((s) => s.tasks > 0).map(({ nodeId, tasks, completed, closed, open }) => ({ nodeId, tasks, completed, closed, open }));
    expect(reported).toEqual(
      expect.arrayContaining(rows.map((r) => ({ nodeId: r.node_id, tasks: r.tasks, completed: r.completed, closed: r.closed, open: r.open }))),
    );
    expect(reported).toHaveLength(rows.length);
  });

  it('measures each step in working days of the calendar between the instants the database holds', async () => {
    const rows = await system.database.sql<{ node_id: string; created_at: string; completed_at: string }[]>`
      select node_id, created_at, completed_at from tasks where status = 'completed'`;
    for (const step of report.steps.filter((s) => s.completed > 0)) {
      const days = rows
        .filter((r) => r.node_id === step.nodeId)
        .map((r) => workingMinutesBetween(cnMainlandCalendar, new Date(r.created_at), new Date(r.completed_at)).minutes / 420);
      expect(step.workingDays.median, step.nodeId).toBeCloseTo(middle(days), 2);
      expect(step.workingDays.p95, step.nodeId).toBeCloseTo([...days].sort((a, b) => a - b)[Math.ceil(0.95 * days.length) - 1] as number, 2);
    }
  });

  it('reports the statutory limits met and breached per department that the database holds', async () => {
    const rows = await system.database.sql<{ department_id: string; tasks: number; met: number; breached: number }[]>`
      select department_id, count(*)::int as tasks,
             count(*) filter (where sla_state = 'met')::int as met,
             count(*) filter (where sla_state = 'breached')::int as breached
      from tasks group by department_id order by department_id`;
    expect(report.departments.map(({ departmentId, tasks, met, breached }) => ({ departmentId, tasks, met, breached }))).toEqual(
      rows.map((r) => ({ departmentId: r.department_id, tasks: r.tasks, met: r.met, breached: r.breached })),
    );
    expect(report.departments.reduce((sum, d) => sum + d.breached, 0)).toBeGreaterThan(0);
  });

  it('reports as many escalations as the notifications table holds', async () => {
    const [row] = await system.database.sql<{ notices: number; tasks: number }[]>`
      select count(*)::int as notices, count(distinct task_id)::int as tasks from notifications where kind = 'escalation' and user_id is null`;
    expect(report.escalations.notices).toBe(row?.notices);
    expect(report.escalations.tasks).toBe(row?.tasks);
    expect(report.escalations.notices).toBeGreaterThan(0);
    expect(report.timersFired.taskBreach).toBe(row?.tasks);
  });

  it('returns, rejects, asks for supplements that the applicants deliver, and handles some tasks slowly', async () => {
    expect(report.decisions.byOutcome).toMatchObject({
      approve: expect.any(Number),
      reject: expect.any(Number),
      return: expect.any(Number),
      requestSupplement: expect.any(Number),
    });
    expect(report.decisions.supplements).toBe(report.decisions.byOutcome.requestSupplement);
    const [row] = await system.database.sql<{ n: number }[]>`select count(*)::int as n from case_events where type = 'case.supplemented'`;
    expect(row?.n).toBe(report.decisions.supplements);
    expect(report.decisions.slowTasks).toBeGreaterThan(0);
  });

  it('states a reason for every rejection and return', async () => {
    const rows = await system.database.sql<{ outcome: string; reason: string | null }[]>`
      select payload->>'outcome' as outcome, payload->>'reason' as reason from case_events
      where type = 'task.completed' and payload->>'outcome' in ('reject', 'return')`;
    expect(rows.length).toBe((report.decisions.byOutcome.reject ?? 0) + (report.decisions.byOutcome.return ?? 0));
    for (const r of rows) expect(r.reason, r.outcome).toMatch(/\S/);
  });

  it('files varied applications spread over districts and sub-districts', async () => {
    const rows = await system.database.sql<{ jurisdiction_id: string; data: Record<string, unknown> }[]>`select jurisdiction_id, data from cases`;
    expect(new Set(rows.map((r) => r.jurisdiction_id)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r.data.businessName)).size).toBeGreaterThan(20);
    expect(new Set(rows.map((r) => r.data.area)).size).toBeGreaterThan(20);
    for (const { data } of rows) {
      expect(data.contactPhone).toMatch(/^1[3-9][0-9]{9}$/);
      expect(data.unifiedSocialCreditCode).toMatch(/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/);
      expect(data.area).toBeGreaterThan(0);
    }
  });

  it('decides with the required form fields filled with plausible values', async () => {
    const rows = await system.database.sql<{ node_id: string; outcome: string; data: Record<string, unknown>; case_data: Record<string, unknown> }[]>`
      select t.node_id, t.outcome, t.data, c.data as case_data from tasks t join cases c on c.id = t.case_id
      where t.status = 'completed' and t.outcome = 'approve'`;
    const of = (nodeId: string) => rows.filter((r) => r.node_id === nodeId);
    expect(of('licence-check').length).toBeGreaterThan(0);
    for (const r of of('licence-check')) expect(r.data.businessLicenceNumber).toBe(r.case_data.unifiedSocialCreditCode);
    for (const r of of('intake')) expect(r.data.area).toBe(r.case_data.area);
    for (const r of of('food-decision')) expect(r.data.foodLicenceNumber).toMatch(/^JY\d{14}$/);
    for (const r of of('food-inspection')) expect(r.data).toMatchObject({ foodInspectors: expect.any(String), foodInspectionRecord: expect.any(String) });
    for (const r of of('delivery')) expect(['window', 'mail', 'electronic']).toContain(r.data.deliveryMethod);
  });
});
