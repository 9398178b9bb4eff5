import { and, asc, eq } from 'drizzle-orm';
import { addDuration, addWorkingMinutes, cnMainlandCalendar, workingMinutesBetween } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timers } from '../../src/db/schema/index.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('public-notice');
});

afterAll(async () => {
  await h?.close();
});

/** A case of `public-notice` past its review: it waits at the notice. */
async function atNotice(): Promise<{ caseId: string; reviewedAt: Date }> {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'public-notice',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '褚十三' },
    data: {},
    actor: PORTAL,
  });
  const review = (await detail(created.id)).tasks[0]!;
  const reviewedAt = h.clock.now();
  await h.runtime.completeTask(review.id, await h.viewer('huangpu.market'), { outcome: 'approve' });
  return { caseId: created.id, reviewedAt };
}

async function detail(caseId: string) {
  return h.runtime.getCase(caseId, await h.viewer('city.supervisor'));
}

async function noticeTimers(caseId: string) {
  return h.database.db
    .select()
    .from(timers)
    .where(and(eq(timers.caseId, caseId), eq(timers.kind, 'timerEvent')))
    .orderBy(asc(timers.createdAt), asc(timers.id));
}

describe('timer events', () => {
  it('wait their duration on the calendar, then the case goes on', async () => {
    const { caseId, reviewedAt } = await atNotice();
    const [timer] = await noticeTimers(caseId);
    expect(timer).toMatchObject({ status: 'pending', nodeId: 'public-notice', engineTimerId: 'public-notice#1/timerEvent', unit: 'workingDay' });
    expect(timer!.dueAt!.toISOString()).toBe(addDuration(cnMainlandCalendar, reviewedAt, { amount: 5, unit: 'workingDay' }).dueAt.toISOString());
    expect((await detail(caseId)).activeNodes).toEqual(['public-notice']);

    await h.runtime.advanceClock({ to: new Date(timer!.dueAt!.getTime() - 60_000) });
    expect((await detail(caseId)).tasks.map((t) => t.nodeId)).toEqual(['review']);
    const fired = await h.runtime.advanceClock({ to: timer!.dueAt! });
    expect(fired.fired).toContainEqual(expect.objectContaining({ kind: 'timerEvent', caseId }));
    const after = await detail(caseId);
    expect(after.activeNodes).toEqual(['issue']);
    expect(after.tasks.find((t) => t.nodeId === 'issue')).toMatchObject({ status: 'open', departmentId: 'sh-huangpu-service-hall' });
  });

  it('stop while the case is suspended and run on with what they had left', async () => {
    const { caseId } = await atNotice();
    const manager = await h.viewer('huangpu.manager');
    const [armed] = await noticeTimers(caseId);
    await h.runtime.advanceClock({ by: { amount: 1, unit: 'workingDay' } });
    const left = workingMinutesBetween(cnMainlandCalendar, h.clock.now(), armed!.dueAt!).minutes;
    await h.runtime.suspendCase(caseId, { reason: 'hearing' }, manager);
    const [paused] = await noticeTimers(caseId);
    expect(paused).toMatchObject({ status: 'paused', remainingMinutes: left });
    const idle = await h.runtime.advanceClock({ by: { amount: 10, unit: 'workingDay' } });
    expect(idle.fired.filter((t) => t.caseId === caseId)).toEqual([]);
    const resumedAt = h.clock.now();
    await h.runtime.resumeCase(caseId, {}, manager);
    const [, resumed] = await noticeTimers(caseId);
    expect(resumed!.dueAt!.toISOString()).toBe(addWorkingMinutes(cnMainlandCalendar, resumedAt, left).dueAt.toISOString());
    await h.runtime.advanceClock({ to: resumed!.dueAt! });
    expect((await detail(caseId)).activeNodes).toEqual(['issue']);
  });

  it('are cancelled when the case leaves them otherwise', async () => {
    const { caseId } = await atNotice();
    await h.runtime.withdrawCase(caseId, {}, PORTAL);
    expect((await noticeTimers(caseId)).map((t) => t.status)).toEqual(['cancelled']);
  });
});
