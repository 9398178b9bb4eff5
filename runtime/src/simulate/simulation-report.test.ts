import { cnMainlandCalendar, parseDefinition } from '@tongban/engine';
import type { WorkflowDefinition } from '@tongban/engine';
import { getWorkflow } from '@tongban/workflows';
import { describe, expect, it } from 'vitest';
import type { ApiCaseDetail, ApiTask } from './api.types.ts';
import { buildReport, workingDayMinutes, workingDaysBetween, type RunFacts } from './simulation-report.ts';

const definition = { ...(parseDefinition(getWorkflow('open-restaurant')).definition as WorkflowDefinition), version: 3 };

const facts: RunFacts = {
  seed: 5,
  settings: { cases: 3 },
  rounds: 12,
  stoppedBecause: 'roundLimit',
  wallSeconds: 1.5,
  clockStart: '2026-03-02T09:30:00+08:00',
  clockEnd: '2026-03-09T09:30:00+08:00',
  requests: 100,
  conflicts: 1,
  retries: 0,
  refused: { count: 0, examples: [] },
  timersFired: { taskBreach: 1 },
  decisions: { approve: 4, reject: 1 },
  slowTasks: 1,
  supplements: 0,
};

let taskCount = 0;
function task(nodeId: string, departmentId: string, createdAt: string, completedAt: string | null, status: ApiTask['status'], slaState: string): ApiTask {
  taskCount += 1;
  return {
    id: `t${taskCount}`,
    caseId: 'c',
    activationId: `a${taskCount}`,
    nodeId,
    name: nodeId,
    departmentId,
    candidateRole: 'clerk',
    status,
    outcome: null,
    closeReason: null,
    createdAt,
    completedAt,
    dueAt: null,
    slaState,
    escalatedAt: null,
  };
}

function detail(id: string, status: 'active' | 'completed', result: string | null, createdAt: string, completedAt: string | null, tasks: ApiTask[]): ApiCaseDetail {
  return {
    case: { id, definitionKey: 'open-restaurant', definitionVersion: 3, jurisdictionId: 'sh-huangpu', status, result, data: {}, createdAt, acceptedAt: null, completedAt, slaState: 'met' },
    tasks,
    timeline: [],
    activeNodes: [],
  };
}

const HP = 'sh-huangpu-service-hall';
const MR = 'sh-huangpu-market-regulation';

// Monday 2 March 2026, 09:30 (UTC+8) is 01:30Z.
const cases = [
  detail('c1', 'completed', 'approved', '2026-03-02T01:30:00Z', '2026-03-04T01:30:00Z', [
    task('intake', HP, '2026-03-02T01:30:00Z', '2026-03-03T01:30:00Z', 'completed', 'met'),
    task('licence-check', MR, '2026-03-03T01:30:00Z', '2026-03-04T01:30:00Z', 'completed', 'breached'),
  ]),
  // Friday 6 March 09:30 to Monday 9 March 09:30: one working day over the weekend.
  detail('c2', 'completed', 'rejected', '2026-03-06T01:30:00Z', '2026-03-09T01:30:00Z', [
    task('intake', HP, '2026-03-06T01:30:00Z', '2026-03-09T01:30:00Z', 'completed', 'met'),
  ]),
  detail('c3', 'active', null, '2026-03-02T01:30:00Z', null, [
    task('intake', HP, '2026-03-02T01:30:00Z', '2026-03-02T01:30:00Z', 'completed', 'met'),
    task('licence-check', MR, '2026-03-02T01:30:00Z', null, 'open', 'overdue'),
    task('food-review', MR, '2026-03-02T01:30:00Z', '2026-03-02T05:30:00Z', 'closed', 'met'),
  ]),
];

const report = buildReport({
  definition,
  calendar: cnMainlandCalendar,
  cases,
  escalations: [
    { id: 1, kind: 'escalation', jurisdictionId: 'sh', departmentId: 'sh-government-service', caseId: 'c3', taskId: 't5', createdAt: '2026-03-09T01:30:00Z' },
    { id: 2, kind: 'escalation', jurisdictionId: 'sh-huangpu', departmentId: null, caseId: 'c3', taskId: 't5', createdAt: '2026-03-09T01:30:00Z' },
  ],
  departments: [{ id: HP, jurisdictionId: 'sh-huangpu', kind: 'service-hall', name: '黄浦区政务服务中心' }],
  facts,
});

describe('working days on a calendar', () => {
  it('counts 7 working hours to a working day on cn-mainland', () => {
    expect(workingDayMinutes(cnMainlandCalendar)).toBe(420);
  });

  it('skips nights, weekends and statutory holidays', () => {
    expect(workingDaysBetween(cnMainlandCalendar, new Date('2026-03-02T01:30:00Z'), new Date('2026-03-03T01:30:00Z'))).toBe(1);
    expect(workingDaysBetween(cnMainlandCalendar, new Date('2026-03-06T01:30:00Z'), new Date('2026-03-09T01:30:00Z'))).toBe(1);
    // Thursday 30 April 09:30 to Wednesday 6 May 09:30: the Labour Day holiday of 2026 lies between (1–5 May).
    expect(workingDaysBetween(cnMainlandCalendar, new Date('2026-04-30T01:30:00Z'), new Date('2026-05-06T01:30:00Z'))).toBe(1);
    expect(workingDaysBetween(cnMainlandCalendar, new Date('2026-03-02T01:30:00Z'), new Date('2026-03-02T05:30:00Z'))).toBeCloseTo(3 / 7, 5);
  });
});

describe('buildReport', () => {
  it('counts cases by result, the unfinished ones apart and listed with where they wait', () => {
    expect(report.cases.filed).toBe(3);
    expect(report.cases.byResult).toEqual({ approved: 1, rejected: 1, unfinished: 1 });
    expect(report.cases.unfinished).toEqual([{ caseId: 'c3', status: 'active', openTasks: [{ nodeId: 'licence-check', departmentId: MR }] }]);
  });

  it('measures completed cases from filing to completion in working days', () => {
    expect(report.cases.workingDays).toEqual({ count: 2, median: 1.5, p95: 2 });
    expect(report.cases.workingDaysHistogram).toEqual([0, 1, 1]);
    expect(report.cases.workingDaysByResult).toEqual({ approved: { count: 1, median: 2, p95: 2 }, rejected: { count: 1, median: 1, p95: 1 } });
  });

  it('reports every userTask of the definition in its order, with the completed tasks measured', () => {
    expect(report.steps.map((s) => s.nodeId).slice(0, 3)).toEqual(['intake', 'licence-check', 'food-review']);
    expect(report.steps[0]).toMatchObject({ tasks: 3, completed: 3, closed: 0, open: 0, workingDays: { count: 3, median: 1, p95: 1 }, totalWorkingDays: 2 });
    expect(report.steps[1]).toMatchObject({ tasks: 2, completed: 1, open: 1, workingDays: { count: 1, median: 1, p95: 1 } });
    expect(report.steps[2]).toMatchObject({ tasks: 1, completed: 0, closed: 1, workingDays: { count: 0, median: null, p95: null } });
    expect(report.steps.find((s) => s.nodeId === 'delivery')).toMatchObject({ tasks: 0 });
  });

  it('reports met, breached and open overdue tasks per department, named when the API named it', () => {
    expect(report.departments).toEqual([
      { departmentId: MR, name: MR, tasks: 3, met: 1, breached: 1, open: 1, openOverdue: 1 },
      { departmentId: HP, name: '黄浦区政务服务中心', tasks: 3, met: 3, breached: 0, open: 0, openOverdue: 0 },
    ]);
  });

  it('counts escalation notices, the tasks they are about, and the jurisdictions notified', () => {
    expect(report.escalations).toEqual({ notices: 2, tasks: 1, byJurisdiction: { sh: 1, 'sh-huangpu': 1 } });
  });

  it('carries the run facts and the simulated working days', () => {
    expect(report.workflow).toEqual({ key: 'open-restaurant', version: 3, name: definition.name });
    expect(report.run).toMatchObject({ rounds: 12, stoppedBecause: 'roundLimit', simulatedWorkingDays: 5, requests: 100 });
    expect(report.decisions).toEqual({ byOutcome: { approve: 4, reject: 1 }, slowTasks: 1, supplements: 0 });
    expect(report.timersFired).toEqual({ taskBreach: 1 });
  });
});
