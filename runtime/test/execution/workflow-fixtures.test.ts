import { and, eq, sql } from 'drizzle-orm';
import { workflowDefinitions, workflowFixtures, type WorkflowFixture } from '@tongban/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments, tasks, timers, users } from '../../src/db/schema/index.ts';
import { publishDefinition } from '../../src/definitions/index.ts';
import type { Viewer } from '../../src/organisation/index.ts';
import { itemsAnsweredAfter, supplementOf } from '../support/fixture-supplements.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  for (const definition of workflowDefinitions) {
    await publishDefinition(h.database.db, definition, { publishedBy: null, now: h.clock.now() });
  }
});

afterAll(async () => {
  await h?.close();
});

/** A demo user of `departmentId` holding `role`, as a viewer. */
async function clerkOf(departmentId: string, role: string): Promise<Viewer> {
  const [row] = await h.database.db
    .select({ user: users, department: departments })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(users.departmentId, departmentId), sql`${role} = any(${users.roles})`))
    .limit(1);
  if (!row) throw new Error(`No demo user of department '${departmentId}' with role '${role}'`);
  return {
    kind: 'user',
    userId: row.user.id,
    username: row.user.username,
    departmentId,
    departmentKind: row.department.kind,
    jurisdictionId: row.department.jurisdictionId,
    roles: row.user.roles,
  };
}

/** Moves the virtual clock to the pending timer of `kind` at node `nodeId` of case `caseId`, which fires it. */
async function advanceToTimer(caseId: string, nodeId: string, kind: 'timerEvent' | 'taskAtRisk' | 'taskBreach'): Promise<void> {
  const [timer] = await h.database.db
    .select({ dueAt: timers.dueAt })
    .from(timers)
    .leftJoin(tasks, eq(tasks.id, timers.taskId))
    .where(
      and(
        eq(timers.caseId, caseId),
        eq(timers.kind, kind),
        eq(timers.status, 'pending'),
        kind === 'timerEvent' ? eq(timers.nodeId, nodeId) : eq(tasks.nodeId, nodeId),
      ),
    );
  if (!timer?.dueAt) throw new Error(`Case '${caseId}' has no pending ${kind} timer at '${nodeId}'`);
  await h.runtime.advanceClock({ to: timer.dueAt });
}

async function run(fixture: WorkflowFixture) {
  const supervisor = await h.viewer('city.supervisor');
  const { case: created } = await h.runtime.createCase({
    definitionKey: fixture.workflow,
    jurisdiction: fixture.jurisdiction,
    applicant: fixture.applicant,
    data: fixture.data,
    actor: PORTAL,
  });
  for (const [index, action] of fixture.script.entries()) {
    if (action.action === 'supplement') {
      await h.runtime.supplementCase(created.id, supplementOf(action.data), PORTAL);
      continue;
    }
    if (action.action === 'slaBreach' || action.action === 'timerFired') {
      await advanceToTimer(created.id, action.nodeId, action.action === 'timerFired' ? 'timerEvent' : action.limit === 'promised' ? 'taskAtRisk' : 'taskBreach');
      continue;
    }
    const detail = await h.runtime.getCase(created.id, supervisor);
    const task = detail.tasks.find((t) => t.nodeId === action.nodeId && (t.status === 'open' || t.status === 'claimed'));
    if (!task) throw new Error(`Fixture '${fixture.id}': no open task at '${action.nodeId}'; active: ${detail.activeNodes.join(', ')}`);
    const clerk = await clerkOf(task.departmentId, task.candidateRole);
    await h.runtime.completeTask(task.id, clerk, {
      outcome: action.outcome,
      data: action.data ?? {},
      ...(action.returnTo === undefined ? {} : { returnTo: action.returnTo }),
      ...(action.outcome === 'requestSupplement' ? { supplementItems: itemsAnsweredAfter(fixture, index) } : {}),
      comment: action.comment ?? null,
    });
  }
  return h.runtime.getCase(created.id, supervisor);
}

describe('the workflows of the package, run through the runtime', () => {
  it.each(workflowFixtures.map((f) => [f.id, f] as const))('runs fixture %s to its expected result', async (_id, fixture) => {
    const detail = await run(fixture);
    expect(detail.case.status).toBe('completed');
    expect(detail.case.result).toBe(fixture.expected.result);
    const tasks = detail.tasks.map((t) => ({ nodeId: t.nodeId, department: t.departmentId }));
    const byKey = (a: { nodeId: string; department: string }, b: { nodeId: string; department: string }) =>
      `${a.nodeId}/${a.department}`.localeCompare(`${b.nodeId}/${b.department}`);
    expect(tasks.sort(byKey)).toEqual([...fixture.expected.tasks].sort(byKey));
    for (const closed of fixture.expected.closed ?? []) {
      expect(detail.tasks.some((t) => t.nodeId === closed.nodeId && t.closeReason === closed.reason)).toBe(true);
    }
    expect(detail.case.data).toMatchObject(fixture.expected.data ?? {});
  });
});
