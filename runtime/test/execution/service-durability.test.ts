import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, serviceInvocations } from '../../src/db/schema/index.ts';
import { createServiceWorker } from '../../src/queues/index.ts';
import type { ServiceRequest } from '../../src/service-tasks/index.ts';
import { eventually, PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';
import { invokeService } from './support/invoke-service.ts';

let h: ExecutionHarness;
const calls: ServiceRequest[] = [];
const failFirst = new Set<string>();

beforeAll(async () => {
  h = await startExecution({
    virtual: false,
    workerLockMs: 1_000,
    services: {
      register: async (request) => {
        calls.push(request);
        if (failFirst.delete(request.invocationId)) throw new Error('registry busy');
        return { data: { registered: true } };
      },
    },
  });
  await h.publish('parallel-permit');
});

afterAll(async () => {
  await h?.close();
});

async function file(): Promise<string> {
  const { case: created } = await h.runtime.createCase({
    definitionKey: 'parallel-permit',
    jurisdiction: 'sh-pudong',
    applicant: { name: '郑十' },
    data: { businessName: '陆家嘴面馆' },
    actor: PORTAL,
  });
  return created.id;
}

async function status(id: string): Promise<string | undefined> {
  const [row] = await h.database.db.select({ status: serviceInvocations.status }).from(serviceInvocations).where(eq(serviceInvocations.id, id));
  return row?.status;
}

async function completions(caseId: string): Promise<number> {
  const rows = await h.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
  return rows.filter((e) => e.type === 'service.completed').length;
}

const callsOf = (id: string) => calls.filter((c) => c.invocationId === id).length;

describe('durable service invocations on the system clock', () => {
  it('runs an attempt whose job was lost with Redis, once the workers restart', async () => {
    const caseId = await file();
    await h.runtime.stopWorkers();
    const id = await invokeService(h, { caseId, activationId: 'register#1', service: 'register' });
    await h.flushRedis();
    await h.runtime.startWorkers();
    await eventually(async () => ((await status(id)) === 'succeeded' ? true : undefined), 20_000);
    expect(callsOf(id)).toBe(1);
    expect(await completions(caseId)).toBe(1);
  });

  it('retries after its backoff when Redis lost the retry while it waited', async () => {
    const caseId = await file();
    const id = `${caseId}.register#1`;
    failFirst.add(id);
    await h.runtime.stopWorkers();
    await invokeService(h, { caseId, activationId: 'register#1', service: 'register', maxAttempts: 2, backoffMs: 1_500 });
    expect(await h.runtime.runServiceAttempt(id, 1)).toBe('retrying');
    await h.flushRedis();
    await h.runtime.startWorkers();
    await eventually(async () => ((await status(id)) === 'succeeded' ? true : undefined), 20_000);
    expect(callsOf(id)).toBe(2);
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
    const id = await invokeService(h, { caseId, activationId: 'register#1', service: 'register' });
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
      await eventually(async () => ((await status(id)) === 'succeeded' ? true : undefined), 20_000);
      expect(callsOf(id)).toBe(1);
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
    const id = await invokeService(h, { caseId, activationId: 'register#1', service: 'register' });
    await eventually(async () => ((await status(id)) === 'succeeded' ? true : undefined), 20_000);
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
      expect(callsOf(id)).toBe(1);
      expect(await completions(caseId)).toBe(1);
    } finally {
      await survivor.close();
      for (const connection of connections) connection.disconnect();
      await h.runtime.startWorkers();
    }
  });
});
