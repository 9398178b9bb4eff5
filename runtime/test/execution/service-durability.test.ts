import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, serviceInvocations } from '../../src/db/schema/index.ts';
import { createServiceWorker } from '../../src/queues/index.ts';
import type { ServiceRequest } from '../../src/service-tasks/index.ts';
import { eventually, PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;
const calls: ServiceRequest[] = [];
/** Cases whose first `registry` attempt fails. */
const failFirst = new Set<string>();

beforeAll(async () => {
  h = await startExecution({
    virtual: false,
    workerLockMs: 1_000,
    services: {
      registry: async (request) => {
        calls.push(request);
        if (failFirst.delete(request.caseId)) throw new Error('registry busy');
        return { data: { registered: true } };
      },
    },
  });
  const base = await h.fixture('registry-call');
  const nodes = (base.nodes as Record<string, unknown>[]).map((n) =>
    n.id === 'register' ? { ...n, retry: { attempts: 1, backoff: { type: 'fixed', delaySeconds: 1.5 } } } : n,
  );
  await h.runtime.publishDefinition({ ...base, nodes }, { publishedBy: null });
});

afterAll(async () => {
  await h?.close();
});

async function file(): Promise<string> {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'registry-call',
    jurisdiction: 'sh-pudong',
    applicant: { name: '郑十' },
    data: { businessName: '陆家嘴面馆' },
    actor: PORTAL,
  });
  return created.id;
}

/** The id and status of the case's one invocation. */
async function invocation(caseId: string): Promise<{ id: string; status: string }> {
  const [row] = await h.database.db.select().from(serviceInvocations).where(eq(serviceInvocations.caseId, caseId));
  return row!;
}

async function reviewOpened(caseId: string): Promise<boolean> {
  const rows = await h.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
  return rows.some((e) => e.type === 'task.created');
}

async function completions(caseId: string): Promise<number> {
  const rows = await h.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
  return rows.filter((e) => e.type === 'service.completed').length;
}

const callsOf = (caseId: string) => calls.filter((c) => c.caseId === caseId).length;

describe('durable service invocations on the system clock', () => {
  it('runs an attempt whose job was lost with Redis, once the workers restart', async () => {
    await h.runtime.stopWorkers();
    const caseId = await file();
    await h.flushRedis();
    await h.runtime.startWorkers();
    await eventually(async () => ((await reviewOpened(caseId)) ? true : undefined), 20_000);
    expect((await invocation(caseId)).status).toBe('succeeded');
    expect(callsOf(caseId)).toBe(1);
    expect(await completions(caseId)).toBe(1);
  });

  it('retries after its backoff when Redis lost the retry while it waited', async () => {
    await h.runtime.stopWorkers();
    const caseId = await file();
    failFirst.add(caseId);
    expect(await h.runtime.runServiceAttempt((await invocation(caseId)).id, 1)).toBe('retrying');
    await h.flushRedis();
    await h.runtime.startWorkers();
    await eventually(async () => ((await reviewOpened(caseId)) ? true : undefined), 20_000);
    expect(callsOf(caseId)).toBe(2);
    expect(await completions(caseId)).toBe(1);
  });

  it('runs again an attempt whose worker died before recording it, and records it once', async () => {
    await h.runtime.stopWorkers();
    const connections = [new Redis(h.redis.url, { maxRetriesPerRequest: null }), new Redis(h.redis.url, { maxRetriesPerRequest: null })];
    let started = false;
    const dying = createServiceWorker({
      connection: connections[0]!,
      prefix: h.redis.prefix,
      lockDuration: 1_000,
      stalledInterval: 1_000,
      run: () => {
        started = true;
        return new Promise<string>(() => undefined);
      },
    });
    const caseId = await file();
    await eventually(async () => (started ? true : undefined), 10_000);
    await dying.close(true);
    const survivor = createServiceWorker({
      connection: connections[1]!,
      prefix: h.redis.prefix,
      lockDuration: 1_000,
      stalledInterval: 1_000,
      run: (invocationId, attempt) => h.runtime.runServiceAttempt(invocationId, attempt),
    });
    try {
      await eventually(async () => ((await reviewOpened(caseId)) ? true : undefined), 20_000);
      expect(callsOf(caseId)).toBe(1);
      expect(await completions(caseId)).toBe(1);
    } finally {
      await survivor.close();
      for (const connection of connections) connection.disconnect();
      await h.runtime.startWorkers();
    }
  });

  it('does not double an attempt whose worker died after recording it', async () => {
    await h.runtime.stopWorkers();
    const connections = [new Redis(h.redis.url, { maxRetriesPerRequest: null }), new Redis(h.redis.url, { maxRetriesPerRequest: null })];
    const dying = createServiceWorker({
      connection: connections[0]!,
      prefix: h.redis.prefix,
      lockDuration: 1_000,
      stalledInterval: 1_000,
      run: async (invocationId, attempt) => {
        await h.runtime.runServiceAttempt(invocationId, attempt);
        return new Promise<string>(() => undefined);
      },
    });
    const caseId = await file();
    await eventually(async () => ((await reviewOpened(caseId)) ? true : undefined), 20_000);
    await dying.close(true);
    const rerun: string[] = [];
    const survivor = createServiceWorker({
      connection: connections[1]!,
      prefix: h.redis.prefix,
      lockDuration: 1_000,
      stalledInterval: 1_000,
      run: async (invocationId, attempt) => {
        const result = await h.runtime.runServiceAttempt(invocationId, attempt);
        rerun.push(result);
        return result;
      },
    });
    try {
      await eventually(async () => (rerun.length > 0 ? true : undefined), 20_000);
      expect(rerun).toEqual(['skipped']);
      expect(callsOf(caseId)).toBe(1);
      expect(await completions(caseId)).toBe(1);
    } finally {
      await survivor.close();
      for (const connection of connections) connection.disconnect();
      await h.runtime.startWorkers();
    }
  });
});
