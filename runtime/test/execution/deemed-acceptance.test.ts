import { and, asc, eq } from 'drizzle-orm';
import { addDuration, caseDeadline, cnMainlandCalendar } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timers } from '../../src/db/schema/index.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;
const FIVE_WORKING_DAYS = { amount: 5, unit: 'workingDay' } as const;
const TEN_WORKING_DAYS = { amount: 10, unit: 'workingDay' } as const;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('deemed-acceptance');
});

afterAll(async () => {
  await h?.close();
});

async function file() {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'deemed-acceptance',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '冯十一' },
    data: {},
    actor: PORTAL,
  });
  return created;
}

async function detail(caseId: string) {
  return h.runtime.getCase(caseId, await h.viewer('city.supervisor'));
}

async function acceptanceTimers(caseId: string) {
  return h.database.db
    .select()
    .from(timers)
    .where(and(eq(timers.caseId, caseId), eq(timers.kind, 'acceptance')))
    .orderBy(asc(timers.createdAt), asc(timers.id));
}

const intakeOf = async (caseId: string) => (await detail(caseId)).tasks.find((t) => t.nodeId === 'intake' && t.status === 'open')!;

describe('the art. 32 deadline on intake', () => {
  it('arms a timer for 5 working days from receipt; when it passes, the case counts as accepted on the day received', async () => {
    const created = await file();
    const [timer] = await acceptanceTimers(created.id);
    expect(timer).toMatchObject({ status: 'pending', engineTimerId: 'intake#1/acceptance' });
    expect(timer!.dueAt!.toISOString()).toBe(addDuration(cnMainlandCalendar, created.createdAt, FIVE_WORKING_DAYS).dueAt.toISOString());

    await h.runtime.advanceClock({ to: new Date(timer!.dueAt!.getTime() - 60_000) });
    expect((await detail(created.id)).case.acceptedAt).toBeNull();
    await h.runtime.advanceClock({ to: new Date(timer!.dueAt!.getTime() + 60_000) });
    const deemed = await detail(created.id);
    expect(deemed.case.acceptedAt?.toISOString()).toBe(created.createdAt.toISOString());
    expect(deemed.case.promisedDueAt?.toISOString()).toBe(caseDeadline(cnMainlandCalendar, TEN_WORKING_DAYS, created.createdAt).dueAt.toISOString());
    expect(deemed.timeline.find((e) => e.type === 'case.accepted')?.payload).toMatchObject({ deemed: true, nodeId: 'intake', activationId: 'intake#1' });
    expect(deemed.tasks.find((t) => t.nodeId === 'intake')).toMatchObject({ status: 'open' });
    expect((await acceptanceTimers(created.id)).map((t) => t.status)).toEqual(['fired']);

    const { case: after } = await h.runtime.completeTask((await intakeOf(created.id)).id, await h.viewer('huangpu.intake'), { outcome: 'approve' });
    expect(after.acceptedAt?.toISOString()).toBe(created.createdAt.toISOString());
  });

  it('stops the timer when the intake is decided in time; acceptance is then the decision', async () => {
    const created = await file();
    await h.runtime.advanceClock({ by: { amount: 1, unit: 'workingDay' } });
    const decidedAt = h.clock.now();
    const { case: accepted } = await h.runtime.completeTask((await intakeOf(created.id)).id, await h.viewer('huangpu.intake'), { outcome: 'approve' });
    expect(accepted.acceptedAt?.toISOString()).toBe(decidedAt.toISOString());
    expect((await acceptanceTimers(created.id)).map((t) => t.status)).toEqual(['cancelled']);
  });

  it('stops it when the applicant is told in time what to supplement, and never deems the case accepted', async () => {
    const created = await file();
    await h.runtime.completeTask((await intakeOf(created.id)).id, await h.viewer('huangpu.intake'), { outcome: 'requestSupplement', supplementItems: [{ kind: 'document', document: '租赁合同', note: '经营场所租赁合同' }] });
    expect((await acceptanceTimers(created.id)).map((t) => t.status)).toEqual(['cancelled']);
    const idle = await h.runtime.advanceClock({ by: { amount: 10, unit: 'workingDay' } });
    expect(idle.fired.filter((t) => t.caseId === created.id)).toEqual([]);
    await h.runtime.supplementCase(created.id, { data: {}, documents: ['租赁合同'] }, PORTAL);
    expect((await detail(created.id)).case.acceptedAt).toBeNull();
  });

  it('pauses the timer while the case is suspended and resumes it with what it had left', async () => {
    const created = await file();
    const manager = await h.viewer('huangpu.manager');
    await h.runtime.advanceClock({ by: { amount: 2, unit: 'hour' } });
    await h.runtime.suspendCase(created.id, { reason: 'inspection' }, manager);
    const [paused] = await acceptanceTimers(created.id);
    expect(paused).toMatchObject({ status: 'paused' });
    await h.runtime.advanceClock({ by: { amount: 10, unit: 'workingDay' } });
    await h.runtime.resumeCase(created.id, {}, manager);
    const [, resumed] = await acceptanceTimers(created.id);
    expect(resumed).toMatchObject({ status: 'pending', engineTimerId: 'intake#1/acceptance' });
    expect(resumed!.id.endsWith('.g2')).toBe(true);
    await h.runtime.advanceClock({ to: new Date(resumed!.dueAt!.getTime() + 60_000) });
    expect((await detail(created.id)).case.acceptedAt?.toISOString()).toBe(created.createdAt.toISOString());
  });

  it('stops it when the applicant withdraws', async () => {
    const created = await file();
    await h.runtime.withdrawCase(created.id, {}, PORTAL);
    expect((await acceptanceTimers(created.id)).map((t) => t.status)).toEqual(['cancelled']);
  });
});
