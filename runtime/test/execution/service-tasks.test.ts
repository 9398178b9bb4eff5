import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, incidents, serviceInvocations, timers } from '../../src/db/schema/index.ts';
import { PermanentServiceError, type ServiceRequest } from '../../src/service-tasks/index.ts';
import { eventually, PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;
let registryServer: Server;
let registryUrl: string;
const calls: ServiceRequest[] = [];
/**
 * How the `registry` service answers the attempts of a case, in order (`true` succeeds, text fails
 * with it), by the `script` field of the case data: set before the case is filed, so before its
 * first attempt can run.
 */
const script = new Map<string, (true | string)[]>();

beforeAll(async () => {
  registryServer = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ filedAs: req.url })));
  await new Promise<void>((resolve) => registryServer.listen(0, '127.0.0.1', resolve));
  registryUrl = `http://127.0.0.1:${(registryServer.address() as AddressInfo).port}`;
  h = await startExecution({
    serviceAttemptTimeoutMs: 500,
    serviceAllowedHosts: ['127.0.0.1'],
    services: {
      registry: async (request) => {
        calls.push(request);
        const next = script.get(String(request.data.script))?.shift() ?? true;
        if (next !== true) throw new Error(next);
        return { data: { registryRef: `R-${request.attempt}` } };
      },
      refusing: async () => {
        throw new PermanentServiceError('case-data-missing', 'No shop name in the case data');
      },
      hanging: () => new Promise(() => undefined),
    },
  });
  await h.publish('service-permit');
  await h.publish('registry-call');
  const base = await h.fixture('registry-call');
  const variant = (key: string, implementation: unknown) => ({
    ...base,
    key,
    nodes: (base.nodes as Record<string, unknown>[]).map((n) => (n.id === 'register' ? { ...n, implementation } : n)),
  });
  for (const [key, implementation] of [
    ['registry-refusing', { handler: 'refusing' }],
    ['registry-unknown', { handler: 'no-such-service' }],
    ['registry-hanging', { handler: 'hanging' }],
    ['registry-http', { http: { method: 'GET', url: `${registryUrl}/shops/{businessName}` } }],
    ['registry-metadata', { http: { method: 'GET', url: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' } }],
    ['registry-loopback', { handler: 'http-call', params: { url: `${registryUrl.replace('127.0.0.1', '127.0.0.2')}/shops/{businessName}` } }],
  ] as const) {
    await h.runtime.publishDefinition(variant(key, implementation), { publishedBy: null });
  }
});

afterAll(async () => {
  await h?.close();
  registryServer?.closeAllConnections();
  await new Promise((resolve) => registryServer?.close(resolve));
});

async function file(definitionKey: string, data: Record<string, unknown> = {}): Promise<string> {
  const { case: created } = await h.runtime.createCase({
    definitionKey,
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '吴九' },
    data: { businessName: '城隍庙小笼', ...data },
    actor: PORTAL,
  });
  return created.id;
}

async function detail(caseId: string) {
  return h.runtime.getCase(caseId, await h.viewer('city.supervisor'));
}

async function invocations(caseId: string) {
  return h.database.db.select().from(serviceInvocations).where(eq(serviceInvocations.caseId, caseId)).orderBy(serviceInvocations.createdAt, serviceInvocations.id);
}

async function until<T>(probe: () => Promise<T | undefined | false>): Promise<T> {
  return eventually(async () => (await probe()) || undefined, 10_000);
}

async function openTask(caseId: string, nodeId: string) {
  return until(async () => (await detail(caseId)).tasks.find((t) => t.nodeId === nodeId && t.status === 'open'));
}

async function eventTypes(caseId: string) {
  return (await h.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).map((e) => e.type);
}

/** The case's latest invocation (highest activation). */
async function latest(caseId: string) {
  const all = await invocations(caseId);
  return all.sort((a, b) => Number(a.activationId.split('#')[1]) - Number(b.activationId.split('#')[1])).at(-1);
}

/** Moves the clock to each retry of the case's latest invocation in turn, until it has failed or succeeded. */
async function failForGood(caseId: string): Promise<void> {
  for (;;) {
    const invocation = await until(async () => {
      const row = await latest(caseId);
      return row && row.status !== 'queued' && row;
    });
    if (invocation.status !== 'retryWait') return;
    const retry = await until(async () => (await h.database.db.select().from(timers).where(and(eq(timers.caseId, caseId), eq(timers.kind, 'serviceRetry'), eq(timers.status, 'pending'))))[0]);
    await h.runtime.advanceClock({ to: retry.dueAt! });
    await until(async () => {
      const row = await latest(caseId);
      return row !== undefined && (row.status !== 'retryWait' || row.attempt > invocation.attempt) && row.status !== 'queued';
    });
  }
}

async function openIncident(caseId: string) {
  return until(async () => (await h.database.db.select().from(incidents).where(and(eq(incidents.caseId, caseId), eq(incidents.status, 'open'))))[0]);
}

describe('service tasks', () => {
  it('verifies the credit code, goes on to the review, and issues the e-licence into the case data', async () => {
    const caseId = await file('service-permit', { unifiedSocialCreditCode: '91350200MA2YJ1XR9G' });
    const review = await openTask(caseId, 'review');
    expect(review.departmentId).toBe('sh-huangpu-market-regulation');
    expect((await detail(caseId)).case.data).toMatchObject({ businessLicenceVerified: true, businessLicenceProblem: null });
    await h.runtime.completeTask(review.id, await h.viewer('huangpu.market'), { outcome: 'approve' });
    const done = await until(async () => {
      const d = await detail(caseId);
      return d.case.status === 'completed' && d;
    });
    expect(done.case).toMatchObject({ result: 'approved', data: { eLicenceNumber: expect.stringMatching(/^JY350200\d{8}$/) } });
    expect((await invocations(caseId)).map((i) => [i.nodeId, i.activationId, i.status]).sort()).toEqual([
      ['issue', 'issue#1', 'succeeded'],
      ['verify', 'verify#1', 'succeeded'],
    ]);
    expect(await eventTypes(caseId)).toEqual(expect.arrayContaining(['service.invoked', 'service.completed', 'case.completed']));
  });

  it('ends the case not accepted when the credit code’s check character is wrong', async () => {
    const caseId = await file('service-permit', { unifiedSocialCreditCode: '91350200MA2YJ1XR9H' });
    const done = await until(async () => {
      const d = await detail(caseId);
      return d.case.status === 'completed' && d;
    });
    expect(done.case).toMatchObject({ result: 'notAccepted', data: { businessLicenceVerified: false, businessLicenceProblem: 'check-character' } });
  });

  it('retries after a backoff that doubles on the virtual clock, then raises an incident; the case waits at the task', async () => {
    script.set('doubling', ['registry busy', 'registry still busy', 'registry down']);
    const caseId = await file('registry-call', { script: 'doubling' });
    const first = await until(async () => (await invocations(caseId)).find((i) => i.status === 'retryWait'));
    expect(first).toMatchObject({ attempt: 1, lastError: 'registry busy', maxAttempts: 3, backoffMs: 60_000 });
    const retryTimer = async () => (await h.database.db.select().from(timers).where(and(eq(timers.caseId, caseId), eq(timers.kind, 'serviceRetry'), eq(timers.status, 'pending'))))[0];
    const t1 = await retryTimer();
    expect(t1!.dueAt!.getTime() - h.clock.now().getTime()).toBe(60_000);
    await h.runtime.advanceClock({ to: new Date(t1!.dueAt!.getTime() - 1_000) });
    expect((await invocations(caseId))[0]).toMatchObject({ status: 'retryWait', attempt: 1 });
    await h.runtime.advanceClock({ to: t1!.dueAt! });
    await until(async () => (await invocations(caseId))[0]!.attempt === 2 && (await invocations(caseId))[0]!.status === 'retryWait');
    const t2 = await retryTimer();
    expect(t2!.dueAt!.getTime() - t1!.dueAt!.getTime()).toBe(120_000);
    await h.runtime.advanceClock({ to: t2!.dueAt! });

    const incident = await openIncident(caseId);
    expect(incident).toMatchObject({ nodeId: 'register', service: 'registry', error: 'registry down', attempts: 3 });
    expect((await invocations(caseId))[0]).toMatchObject({ status: 'failed', attempt: 3 });
    const waiting = await detail(caseId);
    expect(waiting.activeNodes).toEqual(['register']);
    expect(waiting.tasks).toEqual([]);
    expect(calls.filter((c) => c.caseId === caseId).map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect((await eventTypes(caseId)).filter((t) => t === 'service.attemptFailed')).toHaveLength(3);
  });

  it('shows incidents to managers and admins of the jurisdiction, and on retry invokes the service anew until the case goes on', async () => {
    script.set('incident', ['timeout', 'timeout', 'timeout', 'still failing', 'still failing', 'still failing']);
    const caseId = await file('registry-call', { script: 'incident' });
    await failForGood(caseId);
    const incident = await openIncident(caseId);

    const manager = await h.viewer('huangpu.manager');
    const listed = await h.runtime.listIncidents(manager, { status: 'open', caseId });
    expect(listed.items).toMatchObject([{ id: incident.id, definitionKey: 'registry-call', caseJurisdictionId: 'sh-huangpu-nanjing-east', caseStatus: 'active' }]);
    expect((await h.runtime.listIncidents(await h.viewer('xuhui.manager'), { caseId })).total).toBe(0);
    await expect(h.runtime.listIncidents(await h.viewer('huangpu.market'))).rejects.toMatchObject({ status: 403, code: 'incidents-forbidden' });
    await expect(h.runtime.retryIncident(incident.id, await h.viewer('xuhui.manager'))).rejects.toMatchObject({ status: 404 });

    await h.runtime.stopWorkers();
    try {
      expect(await h.runtime.retryIncident(incident.id, manager)).toMatchObject({ status: 'open', retries: 1, retriedBy: manager.userId });
      await expect(h.runtime.retryIncident(incident.id, manager)).rejects.toMatchObject({ status: 409, code: 'incident-retrying' });
    } finally {
      await h.runtime.startWorkers();
    }
    expect((await invocations(caseId)).map((i) => i.activationId)).toEqual(['register#1', 'register#2']);
    await failForGood(caseId);
    const retried = await until(async () => {
      const [row] = await h.database.db.select().from(incidents).where(eq(incidents.id, incident.id));
      return row!.invocationId?.endsWith('register#2') && row;
    });
    expect(retried).toMatchObject({ status: 'open', error: 'still failing', attempts: 3 });

    await h.runtime.retryIncident(incident.id, manager);
    const review = await openTask(caseId, 'review');
    expect(review.status).toBe('open');
    const [resolved] = await h.database.db.select().from(incidents).where(eq(incidents.id, incident.id));
    expect(resolved).toMatchObject({ status: 'resolved', retries: 2 });
    await expect(h.runtime.retryIncident(incident.id, manager)).rejects.toMatchObject({ status: 409, code: 'incident-not-open' });
    expect((await detail(caseId)).case.data).toMatchObject({ registryRef: 'R-1' });
    expect(await eventTypes(caseId)).toEqual(expect.arrayContaining(['incident.opened', 'incident.retried', 'incident.retryFailed', 'incident.resolved']));
  });

  it('raises an incident at once for a permanent failure, an unregistered service and an attempt that takes too long', async () => {
    const refused = await openIncident(await file('registry-refusing'));
    expect(refused).toMatchObject({ attempts: 1, error: 'No shop name in the case data' });
    expect((await openIncident(await file('registry-unknown'))).error).toMatch(/No service 'no-such-service' is registered .*verify-business-licence/);
    const slow = await file('registry-hanging');
    await failForGood(slow);
    expect((await openIncident(slow)).error).toBe("Service 'hanging' took longer than 500 ms");
  });

  it('calls an HTTP implementation with the URL filled from case data, and merges its answer', async () => {
    const caseId = await file('registry-http', { businessName: '豫园 面馆' });
    await openTask(caseId, 'review');
    expect((await detail(caseId)).case.data).toMatchObject({ filedAs: `/shops/${encodeURIComponent('豫园 面馆')}` });
    expect((await invocations(caseId))[0]).toMatchObject({ service: 'http-call', params: { method: 'GET' } });
  });

  it('raises an incident at once, without retries, for an HTTP call to the cloud metadata or a loopback address the operator did not allow', async () => {
    for (const [key, address, range] of [
      ['registry-metadata', '169.254.169.254', 'linkLocal'],
      ['registry-loopback', '127.0.0.2', 'loopback'],
    ]) {
      const caseId = await file(key!);
      const incident = await openIncident(caseId);
      expect(incident, key).toMatchObject({ nodeId: 'register', service: 'http-call', attempts: 1 });
      expect(incident.error, key).toMatch(/^(GET|POST) http:\/\/\S+ refused: /);
      expect(incident.error, key).toContain(`refused: ${address} is a ${range} address; http-call reaches public addresses only`);
      expect((await invocations(caseId))[0], key).toMatchObject({ status: 'failed', attempt: 1, maxAttempts: 3 });
    }
  });

  it('holds an outcome back while the case is suspended and hands it over when it resumes', async () => {
    await h.runtime.stopWorkers();
    let caseId: string;
    try {
      caseId = await file('registry-call');
      const manager = await h.viewer('huangpu.manager');
      await h.runtime.suspendCase(caseId, { reason: 'hearing' }, manager);
      const [invocation] = await invocations(caseId);
      expect(await h.runtime.runServiceAttempt(invocation!.id, 1)).toBe('succeeded');
      expect((await detail(caseId)).tasks).toEqual([]);
      expect((await invocations(caseId))[0]).toMatchObject({ status: 'succeeded', deliveredAt: null });
      await h.runtime.resumeCase(caseId, {}, manager);
    } finally {
      await h.runtime.startWorkers();
    }
    const after = await detail(caseId);
    expect(after.tasks.map((t) => t.nodeId)).toEqual(['review']);
    expect(after.case.data).toMatchObject({ registryRef: 'R-1' });
    expect(after.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['service.deferred', 'case.resumed', 'service.completed']));
  });

  it('records an attempt run twice once', async () => {
    await h.runtime.stopWorkers();
    try {
      const caseId = await file('registry-call');
      const [invocation] = await invocations(caseId);
      const results = await Promise.all([h.runtime.runServiceAttempt(invocation!.id, 1), h.runtime.runServiceAttempt(invocation!.id, 1)]);
      expect(results.sort()).toEqual(['skipped', 'succeeded']);
      expect(await h.runtime.runServiceAttempt(invocation!.id, 1)).toBe('skipped');
      expect((await detail(caseId)).tasks.map((t) => t.nodeId)).toEqual(['review']);
      expect((await eventTypes(caseId)).filter((t) => t === 'service.completed')).toHaveLength(1);
    } finally {
      await h.runtime.startWorkers();
    }
  });

  it('cancels the invocation and its retry when the applicant withdraws', async () => {
    script.set('withdrawn', ['busy']);
    const caseId = await file('registry-call', { script: 'withdrawn' });
    await until(async () => (await invocations(caseId))[0]?.status === 'retryWait');
    await h.runtime.withdrawCase(caseId, {}, PORTAL);
    expect((await invocations(caseId))[0]).toMatchObject({ status: 'cancelled' });
    const [live] = await h.database.sql`select count(*)::int as n from timers where case_id = ${caseId} and status = 'pending'`;
    expect(live?.n).toBe(0);
    await h.runtime.advanceClock({ by: { amount: 2, unit: 'hour' } });
    expect(calls.filter((c) => c.caseId === caseId)).toHaveLength(1);
  });
});
