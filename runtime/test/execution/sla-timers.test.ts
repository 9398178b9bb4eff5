import { addWorkingMinutes, cnMainlandCalendar, workingMinutesBetween } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualClock } from '../../src/clock/index.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('parallel-permit');
  await h.publish('breach-escalation');
});

afterAll(async () => {
  await h?.close();
});

const HOUR = 3_600_000;

async function file(definitionKey: string) {
  const { case: created } = await h.runtime.createCase({
    definitionKey,
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '王五' },
    data: { businessName: '豫园面馆' },
    actor: PORTAL,
  });
  return created;
}

async function detail(caseId: string) {
  return h.runtime.getCase(caseId, await h.viewer('city.supervisor'));
}

async function task(caseId: string, nodeId: string) {
  const found = (await detail(caseId)).tasks.filter((t) => t.nodeId === nodeId).at(-1);
  if (!found) throw new Error(`No task at '${nodeId}' in case '${caseId}'`);
  return found;
}

describe('SLA timers on the virtual clock', () => {
  it('marks a task at risk, then overdue, lists it, and escalates it to the city supervisors', async () => {
    const created = await file('parallel-permit');
    const intake = await task(created.id, 'intake');
    await h.runtime.completeTask(intake.id, await h.viewer('huangpu.intake'), { outcome: 'approve', data: { area: 40 } });
    const market = await task(created.id, 'market');
    expect(market.atRiskAt).not.toBeNull();
    expect(market.dueAt).not.toBeNull();

    const warned = await h.runtime.advanceClock({ to: new Date(market.atRiskAt!.getTime() + 60_000) });
    expect(warned.fired.map((t) => [t.kind, t.taskId])).toContainEqual(['taskAtRisk', market.id]);
    expect((await task(created.id, 'market')).slaState).toBe('atRisk');
    const atRisk = await h.runtime.listAtRisk(await h.viewer('huangpu.market'));
    expect(atRisk.items.map((t) => t.id)).toContain(market.id);

    const breached = await h.runtime.advanceClock({ to: new Date(market.dueAt!.getTime() + 60_000) });
    expect(breached.fired.map((t) => [t.kind, t.taskId])).toContainEqual(['taskBreach', market.id]);
    const overdueTask = await task(created.id, 'market');
    expect(overdueTask).toMatchObject({ slaState: 'overdue', status: 'open', minutesLeft: 0 });
    expect(overdueTask.escalatedAt?.toISOString()).toBe(market.dueAt!.toISOString());

    const overdue = await h.runtime.listOverdue(await h.viewer('huangpu.manager'));
    expect(overdue.items.map((t) => t.id)).toContain(market.id);
    const elsewhere = await h.runtime.listOverdue(await h.viewer('xuhui.manager'));
    expect(elsewhere.items.map((t) => t.id)).not.toContain(market.id);

    const escalations = await h.runtime.listEscalations(await h.viewer('city.supervisor'));
    const notice = escalations.items.find((n) => n.taskId === market.id);
    expect(notice).toMatchObject({ kind: 'escalation', jurisdictionId: 'sh', departmentId: 'sh-government-service', caseId: created.id });
    const types = (await detail(created.id)).timeline.filter((e) => e.taskId === market.id).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['task.created', 'task.atRisk', 'task.overdue', 'task.escalated']));

    await h.runtime.completeTask(market.id, await h.viewer('huangpu.market'), { outcome: 'approve', data: { licenceNumber: 'JY1' } });
    const load = (await h.runtime.monitorLoad(await h.viewer('huangpu.manager'))).items;
    expect(load.find((d) => d.departmentId === 'sh-huangpu-market-regulation')).toMatchObject({ breached: 1 });
  });

  it("marks the case at risk when its promised total, counted from acceptance, passes", async () => {
    const created = await file('parallel-permit');
    const intake = await task(created.id, 'intake');
    const { case: accepted } = await h.runtime.completeTask(intake.id, await h.viewer('huangpu.intake'), { outcome: 'approve', data: { area: 40 } });
    expect(accepted.acceptedAt?.toISOString()).toBe(h.clock.now().toISOString());
    await h.runtime.advanceClock({ to: new Date(accepted.promisedDueAt!.getTime() + 1_000) });
    expect((await detail(created.id)).case.slaState).toBe('atRisk');
  });

  it('takes the slaBreach edge when the statutory limit passes: the district task closes and the city gets one', async () => {
    const created = await file('breach-escalation');
    const review = await task(created.id, 'review');
    expect(review.departmentId).toBe('sh-huangpu-market-regulation');
    await h.runtime.advanceClock({ by: { amount: 1, unit: 'workingDay' } });
    const closed = await task(created.id, 'review');
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'breached', slaState: 'breached' });
    const city = await task(created.id, 'city-review');
    expect(city).toMatchObject({ status: 'open', departmentId: 'sh-market-regulation' });
    const [notices] = await h.database.sql`select count(*)::int as n from notifications where task_id = ${review.id} and user_id is null`;
    expect(notices?.n).toBe(1);
  });

  it('pauses every clock while a supplement is awaited and resumes each with the working time it had left', async () => {
    const created = await file('breach-escalation');
    const review = await task(created.id, 'review');
    await h.runtime.advanceClock({ by: { amount: 1, unit: 'hour' } });
    const askedAt = h.clock.now();
    const leftAtRisk = workingMinutesBetween(cnMainlandCalendar, askedAt, review.atRiskAt!).minutes;
    const clerk = await h.viewer('huangpu.market');
    const asked = await h.runtime.completeTask(review.id, clerk, {
      outcome: 'requestSupplement',
      comment: '请补充租赁合同',
      supplementItems: [
        { kind: 'field', field: 'businessName', note: '店名须与租赁合同一致' },
        { kind: 'document', document: '租赁合同', note: '经营场所租赁合同' },
      ],
    });
    expect(asked.case).toMatchObject({ status: 'suspended' });
    expect(asked.task.status).toBe('open');

    const paused = await h.database.sql`select kind, remaining_minutes from timers where task_id = ${review.id} and status = 'paused' order by kind`;
    const remaining = Object.fromEntries(paused.map((t) => [t.kind, Number(t.remaining_minutes)]));
    expect(Object.keys(remaining).sort()).toEqual(['taskAtRisk', 'taskBreach']);
    expect(remaining.taskAtRisk).toBeCloseTo(leftAtRisk, 0);
    expect((await task(created.id, 'review')).minutesLeft).toBe(remaining.taskBreach);
    await expect(h.runtime.completeTask(review.id, clerk, { outcome: 'approve' })).rejects.toMatchObject({ status: 409, code: 'case-suspended' });

    const idle = await h.runtime.advanceClock({ by: { amount: 3, unit: 'calendarDay' } });
    expect(idle.fired.filter((t) => t.caseId === created.id)).toEqual([]);

    const resumedAt = h.clock.now();
    const resumed = await h.runtime.supplementCase(created.id, { data: { businessName: '豫园面馆（豫园店）' }, documents: ['租赁合同'] }, PORTAL);
    expect(resumed).toMatchObject({ status: 'active', suspendedSince: null });
    expect(resumed.data).toMatchObject({ businessName: '豫园面馆（豫园店）' });
    const after = await task(created.id, 'review');
    expect(after.dueAt?.toISOString()).toBe(addWorkingMinutes(cnMainlandCalendar, resumedAt, remaining.taskBreach!).dueAt.toISOString());
    expect(after.atRiskAt?.toISOString()).toBe(addWorkingMinutes(cnMainlandCalendar, resumedAt, remaining.taskAtRisk!).dueAt.toISOString());
    const live = await h.database.sql`select id, status from timers where task_id = ${review.id} order by created_at, id`;
    expect(live.filter((t) => t.status === 'pending').map((t) => t.id).every((id: string) => id.endsWith('.g2'))).toBe(true);
    expect(new Set(live.map((t) => t.id)).size).toBe(live.length);
    const resumedEvent = (await detail(created.id)).timeline.find((e) => e.type === 'case.resumed');
    expect(resumedEvent?.payload).toMatchObject({ suspendedFrom: askedAt.toISOString(), suspendedTo: resumedAt.toISOString() });

    await h.runtime.advanceClock({ to: new Date(after.dueAt!.getTime() - 1_000) });
    expect((await task(created.id, 'review')).status).toBe('open');
    await h.runtime.advanceClock({ to: new Date(after.dueAt!.getTime() + HOUR) });
    expect((await task(created.id, 'review')).closeReason).toBe('breached');
  });

  it('refuses to move the clock backwards', async () => {
    const clock = h.clock as VirtualClock;
    await expect(h.runtime.advanceClock({ to: new Date(clock.now().getTime() - HOUR) })).rejects.toMatchObject({ status: 400, details: { field: 'to' } });
  });
});

describe('the clock', () => {
  it('cannot move while the timer workers are stopped', async () => {
    await h.runtime.stopWorkers();
    try {
      await expect(h.runtime.advanceClock({ by: { amount: 1, unit: 'hour' } })).rejects.toMatchObject({ status: 409, code: 'workers-stopped' });
    } finally {
      await h.runtime.startWorkers();
    }
  });

  it('moves one request at a time when two arrive together', async () => {
    const start = h.clock.now().getTime();
    const [first, second] = await Promise.all([
      h.runtime.advanceClock({ by: { amount: 1, unit: 'hour' } }),
      h.runtime.advanceClock({ by: { amount: 1, unit: 'hour' } }),
    ]);
    expect(first.now.getTime()).toBe(start + HOUR);
    expect(second.now.getTime()).toBe(start + 2 * HOUR);
  });
});
