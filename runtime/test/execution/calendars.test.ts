import { and, asc, eq } from 'drizzle-orm';
import { cnMainlandCalendar, countDeadline, formatLocalDateTime, withCalendarYear, type CalendarYear } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarNotices, cases, tasks, timers } from '../../src/db/schema/index.ts';
import { createRuntime } from '../../src/runtime.ts';
import { basisOf } from '../../src/timers/deadline-basis.ts';
import { testRedis } from '../support/index.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;
let notice2027: CalendarYear;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('extension-permit');
  notice2027 = (await h.fixture('hypothetical-2027-notice')) as unknown as CalendarYear;
});

afterAll(async () => {
  await h?.close();
});

const local = (instant: Date | null | undefined): string => formatLocalDateTime(cnMainlandCalendar, instant as Date);

async function fileCase(jurisdiction: string) {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'extension-permit',
    jurisdiction,
    applicant: { name: '周十四' },
    data: {},
    actor: PORTAL,
  });
  return created;
}

async function review(caseId: string) {
  const [task] = await h.database.db.select().from(tasks).where(and(eq(tasks.caseId, caseId), eq(tasks.nodeId, 'review')));
  return task!;
}

async function breachTimers(taskId: string) {
  return h.database.db
    .select()
    .from(timers)
    .where(and(eq(timers.taskId, taskId), eq(timers.kind, 'taskBreach')))
    .orderBy(asc(timers.createdAt), asc(timers.id));
}

async function timelineTypes(caseId: string): Promise<string[]> {
  return (await h.runtime.getCase(caseId, await h.viewer('city.supervisor'))).timeline.map((e) => e.type);
}

describe('calendars per jurisdiction', () => {
  it("counts a case on its jurisdiction's calendar, recounts it when that calendar changes, and keeps it there after the jurisdiction moves on", async () => {
    const admin = await h.viewer('admin');
    const created = await h.runtime.putCalendar(
      'huangpu-test',
      { name: '黄浦区工作日历（测试数据）', base: 'cn-mainland', adjustments: [{ date: '2026-03-04', working: false, reason: 'test data' }] },
      admin,
    );
    expect(created.calendar).toMatchObject({ key: 'huangpu-test', origin: 'override', base: 'cn-mainland', version: 1, timeZone: 'Asia/Shanghai' });
    expect(created.recount).toEqual({ cases: 0, changedCases: 0, timers: 0 });
    await h.runtime.setJurisdictionCalendar('sh-huangpu', 'huangpu-test');

    const huangpu = await fileCase('sh-huangpu-nanjing-east');
    const xuhui = await fileCase('sh-xuhui-tianping');
    expect(huangpu.calendarKey).toBe('huangpu-test');
    expect(xuhui.calendarKey).toBe('cn-mainland');
    // Filed Monday 2 March 09:00, 5 working days: Wednesday 4 March is a day off in 黄浦 only.
    expect(local((await review(huangpu.id)).dueAt)).toBe('2026-03-10T17:00:00+08:00');
    expect(local((await review(xuhui.id)).dueAt)).toBe('2026-03-09T17:00:00+08:00');

    const changed = await h.runtime.putCalendar(
      'huangpu-test',
      {
        name: '黄浦区工作日历（测试数据）',
        base: 'cn-mainland',
        adjustments: [
          { date: '2026-03-04', working: false, reason: 'test data' },
          { date: '2026-03-05', working: false, reason: 'test data' },
        ],
      },
      admin,
    );
    expect(changed.calendar.version).toBe(2);
    expect(changed.recount).toMatchObject({ cases: 1, changedCases: 1 });
    const moved = await review(huangpu.id);
    expect(local(moved.dueAt)).toBe('2026-03-11T17:00:00+08:00');
    expect(local(moved.atRiskAt)).toBe('2026-03-06T17:00:00+08:00');
    const armed = await breachTimers(moved.id);
    expect(armed.map((t) => [t.status, t.id.slice(-3)])).toEqual([
      ['cancelled', '.g1'],
      ['pending', '.g2'],
    ]);
    expect(armed[1]!.dueAt?.toISOString()).toBe(moved.dueAt?.toISOString());
    expect(await timelineTypes(huangpu.id)).toContain('case.deadlinesRecounted');
    expect(local((await review(xuhui.id)).dueAt)).toBe('2026-03-09T17:00:00+08:00');
    expect(await timelineTypes(xuhui.id)).not.toContain('case.deadlinesRecounted');

    await h.runtime.setJurisdictionCalendar('sh-huangpu', null);
    expect((await fileCase('sh-huangpu-nanjing-east')).calendarKey).toBe('cn-mainland');
    const [stillPinned] = await h.database.db.select({ calendarKey: cases.calendarKey }).from(cases).where(eq(cases.id, huangpu.id));
    expect(stillPinned?.calendarKey).toBe('huangpu-test');

    // The breach timer fires at the recounted deadline, not the one it replaced.
    await h.runtime.advanceClock({ to: new Date('2026-03-10T17:30:00+08:00') });
    expect((await review(huangpu.id)).slaState).toBe('atRisk');
    await h.runtime.advanceClock({ to: new Date('2026-03-11T17:01:00+08:00') });
    expect((await review(huangpu.id)).slaState).toBe('overdue');
  });

  it("refuses a publish that names a calendar nobody defined, naming the field", async () => {
    const input = { ...(await h.fixture('extension-permit')), key: 'no-such-calendar-permit', calendar: 'cn-atlantis' };
    await expect(h.runtime.publishDefinition(input, { publishedBy: null })).rejects.toMatchObject({
      status: 400,
      code: 'calendar-not-found',
      details: { field: 'calendar' },
    });
  });
});

describe('provisional due dates (a limit that crosses into a year whose notice is not loaded)', () => {
  it('become firm when the notice of their year is loaded: running and suspended clocks recounted, timers re-armed', async () => {
    await h.runtime.advanceClock({ to: new Date('2026-12-28T10:00:00+08:00') });
    const running = await fileCase('sh-xuhui-tianping');
    const suspended = await fileCase('sh-xuhui-tianping');
    const extended = await review(await fileCase('sh-xuhui-tianping').then((c) => c.id));
    await h.runtime.requestExtension(extended.id, await h.viewer('xuhui.market'), { amount: 2, reason: '需现场核查' });
    await h.runtime.approveExtension(extended.id, await h.viewer('xuhui.manager'));
    expect(local((await review(extended.caseId)).dueAt)).toBe('2027-01-06T17:00:00+08:00');
    const before = await review(running.id);
    // 5 working days from Monday 28 December, 1 January 2027 counted as a working day for now.
    expect(local(before.dueAt)).toBe('2027-01-04T17:00:00+08:00');
    expect(before.provisional).toBe(true);
    await h.runtime.advanceClock({ to: new Date('2026-12-28T11:00:00+08:00') });
    await h.runtime.suspendCase(suspended.id, { reason: 'hearing' }, await h.viewer('xuhui.manager'));
    const [paused] = (await breachTimers((await review(suspended.id)).id)).filter((t) => t.status === 'paused');
    expect(paused!.remainingMinutes).toBe(40 * 60);

    const loaded = await h.runtime.putCalendarNotice('cn-mainland', 2027, notice2027, await h.viewer('admin'));
    expect(loaded.calendar.years.map((y) => [y.year, y.loadedAtRunTime])).toEqual([
      [2025, false],
      [2026, false],
      [2027, true],
    ]);
    expect(loaded.recount.changedCases).toBeGreaterThanOrEqual(3);

    // The extension is counted again from the recounted deadline: 5 January + 2 working days.
    expect(local((await review(extended.caseId)).dueAt)).toBe('2027-01-07T17:00:00+08:00');
    const firm = await review(running.id);
    expect(local(firm.dueAt)).toBe('2027-01-05T17:00:00+08:00');
    expect(firm.provisional).toBe(false);
    const runningTimers = await breachTimers(firm.id);
    expect(runningTimers.map((t) => [t.status, t.provisional])).toEqual([
      ['cancelled', true],
      ['pending', false],
    ]);

    const [recountedPause] = (await breachTimers((await review(suspended.id)).id)).filter((t) => t.status === 'paused');
    expect(recountedPause).toMatchObject({ id: paused!.id, provisional: false });
    expect(local(recountedPause!.dueAt)).toBe('2027-01-05T17:00:00+08:00');

    await h.runtime.advanceClock({ to: new Date('2026-12-29T09:00:00+08:00') });
    await h.runtime.resumeCase(suspended.id, {}, await h.viewer('xuhui.manager'));
    const resumed = await review(suspended.id);
    // 40 working hours from Tuesday 29 December 09:00, 1 January off: Wednesday 6 January 15:00.
    expect(local(resumed.dueAt)).toBe('2027-01-06T15:00:00+08:00');
    const [live] = (await breachTimers(resumed.id)).filter((t) => t.status === 'pending');
    expect(countDeadline(withCalendarYear(cnMainlandCalendar, notice2027), basisOf(live!.basis!)).dueAt).toEqual(live!.dueAt);

    // The virtual clock counts working days on the loaded notice too: 3 after Tuesday 29 December skip 1 January.
    expect(local((await h.runtime.advanceClock({ by: { amount: 3, unit: 'workingDay' } })).now)).toBe('2027-01-04T17:00:00+08:00');
    await h.runtime.advanceClock({ to: new Date('2027-01-04T17:30:00+08:00') });
    expect((await review(running.id)).slaState).toBe('atRisk');
    await h.runtime.advanceClock({ to: new Date('2027-01-05T17:01:00+08:00') });
    expect((await review(running.id)).slaState).toBe('overdue');
  });
});

describe('a notice loaded while the runtime was down', () => {
  let fresh: ExecutionHarness;

  beforeAll(async () => {
    fresh = await startExecution();
    await fresh.publish('extension-permit');
  });

  afterAll(async () => {
    await fresh?.close();
  });

  it('is counted at start-up: provisional deadlines recounted before the workers take timers', async () => {
    await fresh.runtime.advanceClock({ to: new Date('2026-12-28T10:00:00+08:00') });
    const { case: filed } = await fresh.runtime.createCase({ definitionKey: 'extension-permit', jurisdiction: 'sh-xuhui-tianping', applicant: { name: '吴十五' }, data: {}, actor: PORTAL });
    const reviewOf = async () => (await fresh.database.db.select().from(tasks).where(and(eq(tasks.caseId, filed.id), eq(tasks.nodeId, 'review'))))[0]!;
    expect((await reviewOf()).provisional).toBe(true);
    await fresh.database.db.insert(calendarNotices).values({ calendarKey: 'cn-mainland', year: 2027, notice: { ...notice2027 }, loadedAt: new Date(), loadedBy: null });

    const redis = testRedis();
    const restarted = await createRuntime({ db: fresh.database.db, redisUrl: redis.url, queuePrefix: redis.prefix, clock: fresh.clock, logger: { info: () => undefined, error: () => undefined } });
    try {
      await restarted.startWorkers();
      const task = await reviewOf();
      expect(local(task.dueAt)).toBe('2027-01-05T17:00:00+08:00');
      expect(task.provisional).toBe(false);
      expect(await restarted.recountProvisional()).toEqual({ cases: 0, changedCases: 0, timers: 0 });
    } finally {
      await restarted.stop();
    }
  });
});
