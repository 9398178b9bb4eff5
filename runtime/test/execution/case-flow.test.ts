import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../src/errors/index.ts';
import { MONDAY_MORNING, PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('parallel-permit');
});

afterAll(async () => {
  await h?.close();
});

async function fileCase(jurisdiction = 'sh-huangpu-nanjing-east', idempotencyKey: string | null = null) {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'parallel-permit',
    jurisdiction,
    applicant: { name: '张三', phone: '13800000000' },
    data: { businessName: '南京路小馆' },
    idempotencyKey,
    actor: PORTAL,
  });
  return created;
}

async function openTask(caseId: string, nodeId: string) {
  const detail = await h.runtime.getCase(caseId, await h.viewer('city.manager'));
  const task = detail.tasks.find((t) => t.nodeId === nodeId && (t.status === 'open' || t.status === 'claimed'));
  if (!task) throw new Error(`Case '${caseId}' has no open task at '${nodeId}'`);
  return task;
}

describe('a case of a parallel process', () => {
  it('runs from intake through three departments in parallel to the join and completes', async () => {
    const created = await fileCase();
    expect(created.status).toBe('active');
    expect(created.acceptedAt).toBeNull();

    const intake = await openTask(created.id, 'intake');
    expect(intake.departmentId).toBe('sh-huangpu-service-hall');
    const intakeClerk = await h.viewer('huangpu.intake');
    const accepted = await h.runtime.completeTask(intake.id, intakeClerk, { outcome: 'approve', data: { area: 120, category: 'restaurant' } });
    expect(accepted.case.acceptedAt?.toISOString()).toBe(MONDAY_MORNING.toISOString());
    expect(accepted.case.promisedDueAt).not.toBeNull();
    expect(accepted.nextTasks.map((t) => [t.nodeId, t.departmentId]).sort()).toEqual([
      ['fire', 'sh-fire-rescue'],
      ['market', 'sh-huangpu-market-regulation'],
      ['signage', 'sh-huangpu-urban-management'],
    ]);

    const market = await openTask(created.id, 'market');
    await h.runtime.completeTask(market.id, await h.viewer('huangpu.market'), { outcome: 'approve', data: { licenceNumber: 'JY13101010001' } });
    const fire = await openTask(created.id, 'fire');
    await h.runtime.completeTask(fire.id, await h.viewer('city.fire'), { outcome: 'approve' });
    const signage = await openTask(created.id, 'signage');
    const last = await h.runtime.completeTask(signage.id, await h.viewer('huangpu.urban'), { outcome: 'approve' });

    expect(last.case.status).toBe('completed');
    expect(last.case.result).toBe('approved');
    expect(last.case.slaState).toBe('met');
    const detail = await h.runtime.getCase(created.id, await h.viewer('city.manager'));
    expect(detail.activeNodes).toEqual(['end-approved']);
    expect(detail.case.data).toMatchObject({ businessName: '南京路小馆', area: 120, licenceNumber: 'JY13101010001' });
    expect(detail.tasks.every((t) => t.status === 'completed' && t.slaState === 'met')).toBe(true);
    const types = detail.timeline.map((e) => e.type);
    expect(types[0]).toBe('case.created');
    expect(types).toContain('case.accepted');
    expect(types.at(-1)).toBe('case.completed');
    const [pendingTimers] = await h.database.sql`select count(*)::int as n from timers where case_id = ${created.id} and status in ('pending', 'paused')`;
    expect(pendingTimers?.n).toBe(0);
  });

  it('routes a district task to the district of the filing and a city-level task to the city', async () => {
    const created = await fileCase('sh-xuhui-tianping');
    const intake = await openTask(created.id, 'intake');
    expect(intake.departmentId).toBe('sh-xuhui-service-hall');
    const { nextTasks } = await h.runtime.completeTask(intake.id, await h.viewer('xuhui.intake'), { outcome: 'approve', data: { area: 60 } });
    const byNode = Object.fromEntries(nextTasks.map((t) => [t.nodeId, t.departmentId]));
    expect(byNode).toEqual({
      market: 'sh-xuhui-market-regulation',
      signage: 'sh-xuhui-urban-management',
      fire: 'sh-fire-rescue',
    });
  });

  it('stores snapshots and data as JSON objects, never as JSON strings', async () => {
    const created = await fileCase();
    const [row] = await h.database.db.execute<{ snapshot: string; data: string; applicant: string }>(
      sql`select jsonb_typeof(snapshot) as snapshot, jsonb_typeof(data) as data, jsonb_typeof(applicant) as applicant from cases where id = ${created.id}`,
    );
    expect(row).toEqual({ snapshot: 'object', data: 'object', applicant: 'object' });
    const [definition] = await h.database.sql`select json_typeof(definition) as d, jsonb_typeof(machine) as m from workflow_definitions where key = 'parallel-permit'`;
    expect(definition).toEqual({ d: 'object', m: 'object' });
  });

  it('reads numeric-looking and boolean-looking strings of case data back as strings', async () => {
    for (const text of ['0.1', 'true']) {
      const { case: created } = await h.runtime.createCase({
        definitionKey: 'parallel-permit',
        jurisdiction: 'sh-huangpu',
        applicant: { name: '钱七' },
        data: { businessName: text },
        actor: PORTAL,
      });
      const detail = await h.runtime.getCase(created.id, await h.viewer('city.manager'));
      expect(detail.case.data).toEqual({ businessName: text });
      const [stored] = await h.database.sql`select jsonb_typeof(data->'businessName') as type from cases where id = ${created.id}`;
      expect(stored).toEqual({ type: 'string' });
    }
  });

  it('lets exactly one of two concurrent completions of a task succeed and answers the other with 409', async () => {
    const created = await fileCase();
    const intake = await openTask(created.id, 'intake');
    const clerk = await h.viewer('huangpu.intake');
    const results = await Promise.allSettled([
      h.runtime.completeTask(intake.id, clerk, { outcome: 'approve', data: { area: 80 } }),
      h.runtime.completeTask(intake.id, clerk, { outcome: 'approve', data: { area: 80 } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failure?.reason).toBeInstanceOf(ConflictError);
    expect(failure?.reason).toMatchObject({ status: 409, code: 'task-not-open' });
    const [tasks] = await h.database.sql`select count(*)::int as n from tasks where case_id = ${created.id} and node_id = 'market'`;
    expect(tasks?.n).toBe(1);
  });

  it('forbids a clerk of another department to complete or claim a task', async () => {
    const created = await fileCase();
    const intake = await openTask(created.id, 'intake');
    const otherDistrict = await h.viewer('xuhui.intake');
    const otherKind = await h.viewer('huangpu.market');
    await expect(h.runtime.completeTask(intake.id, otherDistrict, { outcome: 'approve', data: { area: 1 } })).rejects.toMatchObject({
      status: 403,
      code: 'task-forbidden',
    });
    await expect(h.runtime.claimTask(intake.id, otherKind)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(h.runtime.getCase(created.id, otherDistrict)).rejects.toMatchObject({ status: 403 });
  });

  it('answers a claim by a second clerk with 409 and lets only the claimant complete', async () => {
    const created = await fileCase();
    const intake = await openTask(created.id, 'intake');
    const clerk = await h.viewer('huangpu.intake');
    const claimed = await h.runtime.claimTask(intake.id, clerk);
    expect(claimed).toMatchObject({ status: 'claimed', assigneeId: clerk.userId });
    const colleague = { ...clerk, userId: 'someone-else', username: 'someone-else' };
    await expect(h.runtime.claimTask(intake.id, colleague)).rejects.toMatchObject({ status: 409, code: 'task-claimed' });
    await expect(h.runtime.completeTask(intake.id, colleague, { outcome: 'approve', data: { area: 5 } })).rejects.toMatchObject({
      status: 409,
      code: 'task-claimed',
    });
  });

  it('checks the outcome and the form data and names the field at fault', async () => {
    const created = await fileCase();
    const intake = await openTask(created.id, 'intake');
    const clerk = await h.viewer('huangpu.intake');
    const attempt = (input: Parameters<typeof h.runtime.completeTask>[2]) => h.runtime.completeTask(intake.id, clerk, input);
    await expect(attempt({ outcome: 'rectify', data: { area: 1 } })).rejects.toMatchObject({ status: 400, details: { field: 'outcome' } });
    await expect(attempt({ outcome: 'approve', data: {} })).rejects.toMatchObject({ details: { field: 'data.area', reason: 'required' } });
    await expect(attempt({ outcome: 'approve', data: { area: 'big' } })).rejects.toMatchObject({ details: { field: 'data.area', reason: 'type' } });
    await expect(attempt({ outcome: 'approve', data: { area: 1, category: 'bar' } })).rejects.toMatchObject({
      details: { field: 'data.category', reason: 'option' },
    });
    await expect(attempt({ outcome: 'approve', data: { area: 1, openingDate: '2026/03/01' } })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt({ outcome: 'approve', data: { area: 1, colour: 'red' } })).rejects.toMatchObject({ details: { field: 'data.colour' } });
    const rejected = await attempt({ outcome: 'reject', data: {} });
    expect(rejected.case).toMatchObject({ status: 'completed', result: 'rejected', acceptedAt: null });
  });

  it('refuses application data that lacks a required field of the data schema', async () => {
    await expect(
      h.runtime.createCase({ definitionKey: 'parallel-permit', jurisdiction: 'sh-huangpu', applicant: {}, data: {}, actor: PORTAL }),
    ).rejects.toMatchObject({ status: 400, details: { field: 'data.businessName' } });
    await expect(
      h.runtime.createCase({ definitionKey: 'parallel-permit', jurisdiction: 'sh-nowhere', applicant: {}, data: { businessName: 'x' }, actor: PORTAL }),
    ).rejects.toMatchObject({ status: 400, details: { field: 'jurisdiction' } });
  });

  it("lists a clerk's inbox for their department and role, soonest due first", async () => {
    const first = await fileCase();
    const second = await fileCase();
    const clerk = await h.viewer('huangpu.intake');
    const inbox = await h.runtime.listInbox(clerk, { definitionKey: 'parallel-permit' });
    expect(inbox.items.length).toBeGreaterThanOrEqual(2);
    expect(inbox.items.every((t) => t.departmentId === 'sh-huangpu-service-hall')).toBe(true);
    const dues = inbox.items.map((t) => t.dueAt?.getTime() ?? Infinity);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(inbox.items.map((t) => t.caseId)).toEqual(expect.arrayContaining([first.id, second.id]));
    const xuhui = await h.runtime.listInbox(await h.viewer('xuhui.intake'));
    expect(xuhui.items.some((t) => t.caseId === first.id)).toBe(false);
  });

  it("lists cases in the viewer's scope with filters", async () => {
    const huangpu = await fileCase('sh-huangpu');
    const pudong = await fileCase('sh-pudong-lujiazui');
    const manager = await h.viewer('huangpu.manager');
    const listed = await h.runtime.listCases(manager, { definitionKey: 'parallel-permit', status: 'active' });
    expect(listed.items.map((c) => c.id)).toContain(huangpu.id);
    expect(listed.items.map((c) => c.id)).not.toContain(pudong.id);
    const city = await h.runtime.listCases(await h.viewer('city.manager'), { jurisdiction: 'sh-pudong' });
    expect(city.items.map((c) => c.id)).toContain(pudong.id);
    expect(city.items.every((c) => c.jurisdictionId.startsWith('sh-pudong'))).toBe(true);
    const clerk = await h.runtime.listCases(await h.viewer('pudong.intake'));
    expect(clerk.items.map((c) => c.id)).toEqual(expect.arrayContaining([pudong.id]));
    expect(clerk.items.map((c) => c.id)).not.toContain(huangpu.id);
    await expect(h.runtime.listCases(PORTAL)).rejects.toMatchObject({ status: 403 });
  });
});
