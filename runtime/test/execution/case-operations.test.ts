import { addWorkingMinutes, cnMainlandCalendar, suspensionReasons } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSuspensionReasons } from '../../src/db/schema/index.ts';
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

async function file(definitionKey = 'parallel-permit'): Promise<string> {
  const { case: created } = await h.runtime.createCase({
    definitionKey,
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '周八' },
    data: { businessName: '外滩咖啡' },
    actor: PORTAL,
  });
  return created.id;
}

async function detail(caseId: string) {
  return h.runtime.getCase(caseId, await h.viewer('city.supervisor'));
}

async function openTask(caseId: string, nodeId: string) {
  const found = (await detail(caseId)).tasks.find((t) => t.nodeId === nodeId && (t.status === 'open' || t.status === 'claimed'));
  if (!found) throw new Error(`No open task at '${nodeId}' in case '${caseId}'`);
  return found;
}

/** A case of parallel-permit past intake: its market, fire and signage tasks are open. */
async function inParallel(): Promise<string> {
  const caseId = await file();
  await h.runtime.completeTask((await openTask(caseId, 'intake')).id, await h.viewer('huangpu.intake'), { outcome: 'approve', data: { area: 40 } });
  return caseId;
}

async function liveTimers(caseId: string) {
  return h.database.sql<{ id: string; kind: string; status: string; remaining_minutes: string | null }[]>`
    select id, kind, status, remaining_minutes from timers where case_id = ${caseId} and status in ('pending', 'paused') order by id`;
}

describe('withdrawal by the applicant', () => {
  it('closes every open task as cancelled, stops every clock and ends the case withdrawn, with the reason', async () => {
    const caseId = await inParallel();
    const withdrawn = await h.runtime.withdrawCase(caseId, { reason: '不再开店' }, PORTAL);
    expect(withdrawn).toMatchObject({ status: 'completed', result: 'withdrawn', resultReason: '不再开店' });
    const after = await detail(caseId);
    expect(after.tasks.filter((t) => t.nodeId !== 'intake').map((t) => [t.nodeId, t.status, t.closeReason]).sort()).toEqual([
      ['fire', 'closed', 'cancelled'],
      ['market', 'closed', 'cancelled'],
      ['signage', 'closed', 'cancelled'],
    ]);
    expect(await liveTimers(caseId)).toEqual([]);
    expect(after.activeNodes).toEqual(['@withdrawn']);
    expect(after.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['case.withdrawn', 'case.completed']));
    await expect(h.runtime.withdrawCase(caseId, {}, PORTAL)).rejects.toMatchObject({ status: 409, code: 'case-completed' });
  });

  it('ends a case that waits for a supplement too', async () => {
    const caseId = await file('breach-escalation');
    await h.runtime.completeTask((await openTask(caseId, 'review')).id, await h.viewer('huangpu.market'), { outcome: 'requestSupplement', supplementItems: [{ kind: 'document', document: '租赁合同', note: '经营场所租赁合同' }] });
    const withdrawn = await h.runtime.withdrawCase(caseId, {}, await h.viewer('huangpu.intake'));
    expect(withdrawn).toMatchObject({ status: 'completed', result: 'withdrawn', resultReason: null, suspendedSince: null, suspensionReason: null });
    expect(await liveTimers(caseId)).toEqual([]);
  });

  it('is refused to a clerk who is not at a service hall of the case’s jurisdiction', async () => {
    const caseId = await inParallel();
    await expect(h.runtime.withdrawCase(caseId, {}, await h.viewer('huangpu.market'))).rejects.toMatchObject({ status: 403, code: 'intake-forbidden' });
    await expect(h.runtime.withdrawCase(caseId, {}, await h.viewer('xuhui.intake'))).rejects.toMatchObject({ status: 403 });
    await expect(h.runtime.withdrawCase('no-such-case', {}, PORTAL)).rejects.toMatchObject({ status: 404, code: 'case-not-found' });
    expect((await detail(caseId)).case.status).toBe('active');
  });
});

describe('suspension for a period the law does not count', () => {
  it('uses the engine’s list of reasons', () => {
    expect(caseSuspensionReasons).toEqual(['supplement', ...suspensionReasons]);
  });

  it('pauses every clock when a clerk orders an expert review, refuses completions, and resumes each with the time it had left', async () => {
    const caseId = await inParallel();
    const market = await openTask(caseId, 'market');
    const marketClerk = await h.viewer('huangpu.market');
    await h.runtime.advanceClock({ by: { amount: 2, unit: 'hour' } });

    const suspended = await h.runtime.suspendCase(caseId, { reason: 'expertReview', taskId: market.id, comment: '送专家评审' }, marketClerk);
    expect(suspended).toMatchObject({ status: 'suspended', suspensionReason: 'expertReview' });
    const paused = await liveTimers(caseId);
    expect(paused.length).toBeGreaterThanOrEqual(4);
    expect(paused.every((t) => t.status === 'paused' && t.remaining_minutes !== null)).toBe(true);
    const fire = await openTask(caseId, 'fire');
    await expect(h.runtime.completeTask(fire.id, await h.viewer('city.fire'), { outcome: 'approve' })).rejects.toMatchObject({
      status: 409,
      code: 'case-suspended',
      details: { reason: 'expertReview' },
    });
    const idle = await h.runtime.advanceClock({ by: { amount: 10, unit: 'calendarDay' } });
    expect(idle.fired.filter((t) => t.caseId === caseId)).toEqual([]);

    const resumedAt = h.clock.now();
    const resumed = await h.runtime.resumeCase(caseId, { data: { expertOpinion: '符合' } }, marketClerk);
    expect(resumed).toMatchObject({ status: 'active', suspensionReason: null, suspendedSince: null, data: { expertOpinion: '符合' } });
    const breach = paused.find((t) => t.kind === 'taskBreach' && t.id.includes('market'))!;
    expect((await openTask(caseId, 'market')).dueAt?.toISOString()).toBe(
      addWorkingMinutes(cnMainlandCalendar, resumedAt, Number(breach.remaining_minutes)).dueAt.toISOString(),
    );
    const events = (await detail(caseId)).timeline;
    expect(events.find((e) => e.type === 'case.suspended')).toMatchObject({ taskId: market.id, payload: { reason: 'expertReview', nodeId: 'market' } });
    expect(events.find((e) => e.type === 'case.resumed')?.payload).toMatchObject({ reason: 'expertReview', suspendedTo: resumedAt.toISOString() });
    await h.runtime.completeTask(fire.id, await h.viewer('city.fire'), { outcome: 'approve' });
  });

  it('lets a manager of the jurisdiction suspend and resume the case as a whole, and no one else', async () => {
    const caseId = await inParallel();
    await expect(h.runtime.suspendCase(caseId, { reason: 'hearing' }, await h.viewer('huangpu.market'))).rejects.toMatchObject({ status: 403, code: 'case-forbidden' });
    await expect(h.runtime.suspendCase(caseId, { reason: 'hearing' }, await h.viewer('xuhui.manager'))).rejects.toMatchObject({ status: 403 });
    const market = await openTask(caseId, 'market');
    await expect(h.runtime.suspendCase(caseId, { reason: 'hearing', taskId: market.id }, await h.viewer('huangpu.intake'))).rejects.toMatchObject({
      status: 403,
      code: 'task-forbidden',
    });
    const manager = await h.viewer('huangpu.manager');
    expect(await h.runtime.suspendCase(caseId, { reason: 'hearing' }, manager)).toMatchObject({ suspensionReason: 'hearing' });
    await expect(h.runtime.suspendCase(caseId, { reason: 'testing' }, manager)).rejects.toMatchObject({ status: 409, code: 'case-suspended' });
    await expect(h.runtime.resumeCase(caseId, {}, await h.viewer('huangpu.market'))).rejects.toMatchObject({ status: 403 });
    expect(await h.runtime.resumeCase(caseId, {}, manager)).toMatchObject({ status: 'active' });
    await expect(h.runtime.resumeCase(caseId, {}, manager)).rejects.toMatchObject({ status: 409, code: 'case-not-suspended' });
  });

  it('keeps a 补正 and an uncounted period apart: each ends only by its own event', async () => {
    const waiting = await file('breach-escalation');
    const review = await openTask(waiting, 'review');
    await h.runtime.completeTask(review.id, await h.viewer('huangpu.market'), { outcome: 'requestSupplement', supplementItems: [{ kind: 'document', document: '租赁合同', note: '经营场所租赁合同' }] });
    await expect(h.runtime.resumeCase(waiting, {}, await h.viewer('huangpu.manager'))).rejects.toMatchObject({ status: 409, code: 'suspension-mismatch' });

    const held = await inParallel();
    await h.runtime.suspendCase(held, { reason: 'testing' }, await h.viewer('huangpu.manager'));
    await expect(h.runtime.supplementCase(held, { data: {} }, PORTAL)).rejects.toMatchObject({ status: 409, code: 'suspension-mismatch' });
  });

  it('refuses a reason outside the list and a task that is no longer open', async () => {
    const caseId = await inParallel();
    const manager = await h.viewer('huangpu.manager');
    await expect(h.runtime.suspendCase(caseId, { reason: 'holiday' as 'hearing' }, manager)).rejects.toMatchObject({
      status: 400,
      code: 'invalid-suspension-reason',
      details: { field: 'reason' },
    });
    const intake = (await detail(caseId)).tasks.find((t) => t.nodeId === 'intake')!;
    await expect(h.runtime.suspendCase(caseId, { reason: 'testing', taskId: intake.id }, await h.viewer('huangpu.intake'))).rejects.toMatchObject({
      status: 409,
      code: 'task-not-open',
    });
    expect((await detail(caseId)).case.status).toBe('active');
  });
});
