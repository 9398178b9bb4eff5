import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, serviceInvocations } from '../../src/db/schema/index.ts';
import { startLocalRedis, type LocalRedis } from '../../src/infra/redis.ts';
import { serviceJobId } from '../../src/queues/index.ts';
import { eventually, PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

// A Redis of this file's own: FLUSHALL would take every other test file's queues.
let redis: LocalRedis;
let admin: Redis;
let h: ExecutionHarness;
const calls: string[] = [];
let release: () => void = () => undefined;
const released = new Promise<void>((resolve) => {
  release = resolve;
});

beforeAll(async () => {
  redis = await startLocalRedis();
  admin = new Redis(redis.url);
  admin.on('error', () => undefined);
  h = await startExecution({
    virtual: false,
    redis: { url: redis.url, prefix: 'tongban' },
    workerConcurrency: 1,
    sweepIntervalMs: 3_600_000,
    services: {
      registry: async (request) => {
        calls.push(request.caseId);
        // The first attempt runs until the test releases it; with one job at a time, the next waits in Redis.
        if (calls.length === 1) await released;
        return { data: { registered: true } };
      },
    },
  });
  const base = await h.fixture('registry-call');
  await h.runtime.publishDefinition(base, { publishedBy: null });
}, 60_000);

afterAll(async () => {
  release();
  await h?.close();
  admin?.disconnect();
  await redis?.stop();
});

async function file(): Promise<{ caseId: string; invocationId: string }> {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'registry-call',
    jurisdiction: 'sh-pudong',
    applicant: { name: '郑十' },
    data: { businessName: '陆家嘴面馆' },
    actor: PORTAL,
  });
  const [row] = await h.database.db.select().from(serviceInvocations).where(eq(serviceInvocations.caseId, created.id));
  return { caseId: created.id, invocationId: row!.id };
}

async function completions(caseId: string): Promise<number> {
  const rows = await h.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
  return rows.filter((e) => e.type === 'service.completed').length;
}

describe('a worker when Redis is flushed under it', () => {
  it('queues again, within seconds, the service attempts Redis lost, and each is recorded once', async () => {
    const running = await file();
    await eventually(async () => (calls.includes(running.caseId) ? true : undefined), 10_000);
    const waiting = await file();
    const waitingJob = `tongban:services:${serviceJobId(waiting.invocationId, 1)}`;
    await eventually(async () => ((await admin.exists(waitingJob)) === 1 ? true : undefined), 10_000);

    const flushed = Date.now();
    await admin.flushall();
    await eventually(async () => ((await admin.exists(waitingJob)) === 1 ? true : undefined), 10_000);
    console.log(`FLUSHALL → queued service attempt re-queued after ${Date.now() - flushed} ms`);

    release();
    for (const { caseId } of [running, waiting]) {
      await eventually(async () => ((await completions(caseId)) === 1 ? true : undefined), 15_000);
    }
    // The running attempt's job came back too (its row still waited for it): it found the attempt recorded and did nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect([await completions(running.caseId), await completions(waiting.caseId)]).toEqual([1, 1]);
    expect(calls.filter((c) => c === running.caseId)).toHaveLength(1);
    expect(calls.filter((c) => c === waiting.caseId)).toHaveLength(1);
  }, 60_000);
});
