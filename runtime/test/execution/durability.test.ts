import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases, timers } from '../../src/db/schema/index.ts';
import { ClockNotVirtualError } from '../../src/errors/index.ts';
import { createTimerWorker } from '../../src/queues/index.ts';
import type { FireResult } from '../../src/timers/index.ts';
import { eventually, PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution({ virtual: false, workerLockMs: 1_000 });
  await h.publish('quick-breach');
  await h.publish('parallel-permit');
  await h.publish('quick-acceptance');
});

afterAll(async () => {
  await h?.close();
});

async function file(definitionKey: string): Promise<string> {
  const { case: created } = await h.runtime.createCase({
    definitionKey,
    jurisdiction: 'sh-pudong',
    applicant: { name: '赵六' },
    data: { businessName: '陆家嘴茶室' },
    actor: PORTAL,
  });
  return created.id;
}

async function timersOf(caseId: string) {
  return h.database.db.select().from(timers).where(eq(timers.caseId, caseId));
}

async function eventsOf(caseId: string, type: string) {
  const rows = await h.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
  return rows.filter((e) => e.type === type);
}

describe('durable timers on the system clock', () => {
  it('refuses to move the system clock', async () => {
    await expect(h.runtime.advanceClock({ by: { amount: 1, unit: 'hour' } })).rejects.toBeInstanceOf(ClockNotVirtualError);
  });

  it('fires a breach whose job was lost with Redis, once the workers restart', async () => {
    const caseId = await file('quick-breach');
    const [timer] = await timersOf(caseId);
    const queue = h.timerQueue();
    expect(await (await queue.getJob(timer!.id))?.getState()).toBe('delayed');

    await h.runtime.stopWorkers();
    await h.flushRedis();
    expect(await queue.getJob(timer!.id)).toBeUndefined();
    await h.runtime.startWorkers();

    const [overdue] = await eventually(async () => {
      const found = await eventsOf(caseId, 'task.overdue');
      return found.length > 0 ? found : undefined;
    }, 20_000);
    expect(overdue!.at.getTime()).toBeGreaterThanOrEqual(timer!.dueAt!.getTime());
    const [fired] = await timersOf(caseId);
    expect(fired?.status).toBe('fired');
    const [notices] = await h.database.sql`select count(*)::int as n from notifications where case_id = ${caseId} and user_id is null`;
    expect(notices?.n).toBe(1);
  });

  it('deems a case accepted when its art. 32 deadline passes, though the job was lost with Redis', async () => {
    const caseId = await file('quick-acceptance');
    const [timer] = (await timersOf(caseId)).filter((t) => t.kind === 'acceptance');
    await h.runtime.stopWorkers();
    await h.flushRedis();
    await h.runtime.startWorkers();
    const [accepted] = await eventually(async () => {
      const found = await eventsOf(caseId, 'case.accepted');
      return found.length > 0 ? found : undefined;
    }, 20_000);
    expect(accepted!.payload).toMatchObject({ deemed: true, nodeId: 'intake' });
    expect(accepted!.at.getTime()).toBeGreaterThanOrEqual(timer!.dueAt!.getTime());
    const [row] = await h.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.acceptedAt?.toISOString()).toBe(row!.createdAt.toISOString());
  });

  it('marks the outbox rows of concurrent steps dispatched by the time each step returns', async () => {
    const caseIds = await Promise.all(Array.from({ length: 6 }, () => file('parallel-permit')));
    const armed = (await Promise.all(caseIds.map((id) => timersOf(id)))).flat();
    const [left] = await h.database.sql`select count(*)::int as n from outbox
      where dispatched_at is null and payload->>'timerId' in ${h.database.sql(armed.map((t) => t.id))}`;
    expect(armed.length).toBe(12);
    expect(left?.n).toBe(0);
    const queue = h.timerQueue();
    for (const timer of armed) expect(await (await queue.getJob(timer.id))?.getState()).toBe('delayed');
  });

  it('dispatches outbox rows left behind between commit and enqueue when the sweeper runs', async () => {
    const caseId = await file('parallel-permit');
    const armed = await timersOf(caseId);
    expect(armed.map((t) => t.kind).sort()).toEqual(['taskAtRisk', 'taskBreach']);

    // The workers stopped: their watch would see the flush and re-arm the queues before the sweeper.
    await h.runtime.stopWorkers();
    try {
      await h.flushRedis();
      await h.database.sql`update outbox set dispatched_at = null, created_at = created_at - interval '1 minute'
        where payload->>'timerId' in ${h.database.sql(armed.map((t) => t.id))}`;
      const queue = h.timerQueue();
      expect(await queue.getJob(armed[0]!.id)).toBeUndefined();

      expect(await h.runtime.sweepOutbox()).toBeGreaterThanOrEqual(2);
      for (const timer of armed) {
        const job = await queue.getJob(timer.id);
        expect(await job?.getState()).toBe('delayed');
        expect(job!.timestamp + job!.delay).toBeGreaterThanOrEqual(timer.dueAt!.getTime() - 5_000);
      }
      const [left] = await h.database.sql`select count(*)::int as n from outbox where dispatched_at is null`;
      expect(left?.n).toBe(0);
    } finally {
      await h.runtime.startWorkers();
    }
  });

  it('does not double the effect of a timer whose worker died mid-job', async () => {
    await h.runtime.stopWorkers();
    const connections = [new Redis(h.redis.url, { maxRetriesPerRequest: null }), new Redis(h.redis.url, { maxRetriesPerRequest: null })];
    const dying = createTimerWorker({
      connection: connections[0]!,
      prefix: h.redis.prefix,
      lockDuration: 1_000,
      stalledInterval: 1_000,
      fire: async (timerId) => {
        await h.runtime.fireTimer(timerId);
        return new Promise<FireResult>(() => undefined);
      },
    });
    const caseId = await file('quick-breach');
    await eventually(async () => ((await eventsOf(caseId, 'task.overdue')).length > 0 ? true : undefined), 20_000);
    await dying.close(true);

    const rerun: FireResult['status'][] = [];
    const survivor = createTimerWorker({
      connection: connections[1]!,
      prefix: h.redis.prefix,
      lockDuration: 1_000,
      stalledInterval: 1_000,
      fire: async (timerId) => {
        const result = await h.runtime.fireTimer(timerId);
        rerun.push(result.status);
        return result;
      },
    });
    try {
      await eventually(async () => (rerun.length > 0 ? true : undefined), 20_000);
      expect(rerun).toEqual(['skipped']);
      expect(await eventsOf(caseId, 'task.overdue')).toHaveLength(1);
      expect(await eventsOf(caseId, 'task.escalated')).toHaveLength(1);
      const [notices] = await h.database.sql`select count(*)::int as n from notifications where case_id = ${caseId} and user_id is null`;
      expect(notices?.n).toBe(1);
    } finally {
      await survivor.close();
      for (const connection of connections) connection.disconnect();
      await h.runtime.startWorkers();
    }
  });
});
