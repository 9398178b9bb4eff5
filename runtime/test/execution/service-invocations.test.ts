import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, incidents, serviceInvocations, timers } from '../../src/db/schema/index.ts';
import { PermanentServiceError, type ServiceRequest } from '../../src/service-tasks/index.ts';
import { eventually, PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';
import { invokeService } from './support/invoke-service.ts';

let h: ExecutionHarness;
const calls: ServiceRequest[] = [];
/** How the `flaky` service answers each attempt, by invocation id: `true` succeeds, text fails with it. */
const script = new Map<string, (true | string)[]>();

beforeAll(async () => {
  h = await startExecution({
    serviceAttemptTimeoutMs: 500,
    services: {
      flaky: async (request) => {
        calls.push(request);
        const next = script.get(request.invocationId)?.shift() ?? true;
        if (next !== true) throw new Error(next);
        return { data: { registryRef: `R-${request.attempt}` } };
      },
      refusing: async () => {
        throw new PermanentServiceError('case-data-missing', 'No shop name in the case data');
      },
      hanging: () => new Promise(() => undefined),
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
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '吴九' },
    data: { businessName: '城隍庙小笼', unifiedSocialCreditCode: '91350200MA2YJ1XR9G' },
    actor: PORTAL,
  });
  return created.id;
}

async function invocation(id: string) {
  const [row] = await h.database.db.select().from(serviceInvocations).where(eq(serviceInvocations.id, id));
  return row!;
}

async function settled(id: string, status: string) {
  return eventually(async () => {
    const row = await invocation(id);
    return row.status === status ? row : undefined;
  }, 10_000);
}

async function retryTimers(caseId: string) {
  return (await h.database.db.select().from(timers).where(eq(timers.caseId, caseId))).filter((t) => t.kind === 'serviceRetry');
}

async function eventTypes(caseId: string) {
  return (await h.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).map((e) => e.type);
}

describe('service invocations', () => {
  it('runs an attempt, records its data in the case and the timeline', async () => {
    const caseId = await file();
    const id = await invokeService(h, { caseId, activationId: 'register#1', service: 'flaky', params: { registry: 'SAMR' } });
    const done = await settled(id, 'succeeded');
    expect(done).toMatchObject({ attempt: 1, result: { registryRef: 'R-1' }, lastError: null });
    const call = calls.find((c) => c.invocationId === id)!;
    expect(call).toMatchObject({ attempt: 1, caseId, nodeId: 'register', service: 'flaky', params: { registry: 'SAMR' } });
    expect(call.data).toMatchObject({ businessName: '城隍庙小笼' });
    const detail = await h.runtime.getCase(caseId, await h.viewer('city.supervisor'));
    expect(detail.case.data).toMatchObject({ businessName: '城隍庙小笼', registryRef: 'R-1' });
    expect(await eventTypes(caseId)).toContain('service.completed');
  });

  it('runs the built-in services by name', async () => {
    const caseId = await file();
    const verify = await invokeService(h, { caseId, activationId: 'verify#1', service: 'verify-business-licence' });
    const issue = await invokeService(h, { caseId, activationId: 'issue#1', service: 'issue-e-licence' });
    await settled(verify, 'succeeded');
    await settled(issue, 'succeeded');
    const { case: row } = await h.runtime.getCase(caseId, await h.viewer('city.supervisor'));
    expect(row.data).toMatchObject({ businessLicenceVerified: true, businessLicenceProblem: null, eLicenceNumber: expect.stringMatching(/^JY350200\d{8}$/) });
  });

  it('retries a failing attempt after a backoff that doubles, on the virtual clock, then opens an incident', async () => {
    const caseId = await file();
    const id = `${caseId}.notify#1`;
    script.set(id, ['registry busy', 'registry still busy', 'registry down']);
    await invokeService(h, { caseId, activationId: 'notify#1', service: 'flaky', maxAttempts: 3, backoffMs: 60_000 });

    const waiting = await settled(id, 'retryWait');
    expect(waiting).toMatchObject({ attempt: 1, lastError: 'registry busy' });
    const retryTimer = async () => (await retryTimers(caseId)).find((t) => t.status === 'pending');
    const first = await retryTimer();
    expect(first).toMatchObject({ activationId: 'notify#1', nodeId: 'notify' });
    expect(first!.dueAt!.getTime() - h.clock.now().getTime()).toBe(60_000);

    await h.runtime.advanceClock({ to: new Date(first!.dueAt!.getTime() - 1_000) });
    expect(await invocation(id)).toMatchObject({ status: 'retryWait', attempt: 1 });
    await h.runtime.advanceClock({ to: first!.dueAt! });
    await eventually(async () => ((await invocation(id)).attempt === 2 && (await invocation(id)).status === 'retryWait' ? true : undefined), 10_000);
    const second = await retryTimer();
    expect(second!.id).not.toBe(first!.id);
    expect(second!.dueAt!.getTime() - first!.dueAt!.getTime()).toBe(120_000);

    await h.runtime.advanceClock({ to: second!.dueAt! });
    const failed = await settled(id, 'failed');
    expect(failed).toMatchObject({ attempt: 3, lastError: 'registry down' });
    const [incident] = await h.database.db.select().from(incidents).where(eq(incidents.invocationId, id));
    expect(incident).toMatchObject({ caseId, nodeId: 'notify', service: 'flaky', error: 'registry down', attempts: 3, status: 'open' });
    expect(calls.filter((c) => c.invocationId === id).map((c) => c.attempt)).toEqual([1, 2, 3]);
    const types = await eventTypes(caseId);
    expect(types.filter((t) => t === 'service.attemptFailed')).toHaveLength(3);
    expect(types).toContain('incident.opened');
  });

  it('shows incidents to managers and admins of the jurisdiction only, and retries one until it succeeds', async () => {
    const caseId = await file();
    const id = `${caseId}.sync#1`;
    script.set(id, ['timeout at registry', 'still failing', true]);
    await invokeService(h, { caseId, activationId: 'sync#1', service: 'flaky', maxAttempts: 1 });
    await settled(id, 'failed');

    const manager = await h.viewer('huangpu.manager');
    const listed = await h.runtime.listIncidents(manager, { status: 'open', caseId });
    expect(listed.total).toBe(1);
    const [incident] = listed.items;
    expect(incident).toMatchObject({ definitionKey: 'parallel-permit', caseJurisdictionId: 'sh-huangpu-nanjing-east', caseStatus: 'active' });
    expect((await h.runtime.listIncidents(await h.viewer('xuhui.manager'), { caseId })).total).toBe(0);
    await expect(h.runtime.listIncidents(await h.viewer('huangpu.market'))).rejects.toMatchObject({ status: 403, code: 'incidents-forbidden' });
    await expect(h.runtime.retryIncident(incident!.id, await h.viewer('xuhui.manager'))).rejects.toMatchObject({ status: 404 });

    await h.runtime.stopWorkers();
    try {
      const retried = await h.runtime.retryIncident(incident!.id, manager);
      expect(retried).toMatchObject({ status: 'open', retries: 1, retriedBy: manager.userId });
      await expect(h.runtime.retryIncident(incident!.id, manager)).rejects.toMatchObject({ status: 409, code: 'incident-retrying' });
    } finally {
      await h.runtime.startWorkers();
    }
    await eventually(async () => ((await invocation(id)).status === 'failed' && (await invocation(id)).attempt === 2 ? true : undefined), 10_000);
    const [stillOpen] = await h.database.db.select().from(incidents).where(eq(incidents.id, incident!.id));
    expect(stillOpen).toMatchObject({ status: 'open', error: 'still failing', attempts: 2 });

    await h.runtime.retryIncident(incident!.id, manager);
    await settled(id, 'succeeded');
    const [resolved] = await h.database.db.select().from(incidents).where(eq(incidents.id, incident!.id));
    expect(resolved).toMatchObject({ status: 'resolved', attempts: 3, retries: 2 });
    expect(resolved!.resolvedAt).not.toBeNull();
    await expect(h.runtime.retryIncident(incident!.id, manager)).rejects.toMatchObject({ status: 409, code: 'incident-not-open' });
    expect((await h.runtime.getCase(caseId, manager)).case.data).toMatchObject({ registryRef: 'R-3' });
    expect(await eventTypes(caseId)).toEqual(expect.arrayContaining(['incident.opened', 'incident.retried', 'incident.retryFailed', 'incident.resolved']));
  });

  it('opens an incident at once for a permanent failure, an unregistered service and an attempt that takes too long', async () => {
    const caseId = await file();
    const refused = await invokeService(h, { caseId, activationId: 'a#1', service: 'refusing', maxAttempts: 5 });
    const unknown = await invokeService(h, { caseId, activationId: 'b#1', service: 'no-such-service', maxAttempts: 5 });
    const slow = await invokeService(h, { caseId, activationId: 'c#1', service: 'hanging', maxAttempts: 1 });
    expect(await settled(refused, 'failed')).toMatchObject({ attempt: 1, lastError: 'No shop name in the case data' });
    expect((await settled(unknown, 'failed')).lastError).toMatch(/No service 'no-such-service' is registered .*verify-business-licence/);
    expect((await settled(slow, 'failed')).lastError).toBe("Service 'hanging' took longer than 500 ms");
    const open = await h.database.db.select().from(incidents).where(eq(incidents.caseId, caseId));
    expect(open.map((i) => i.status)).toEqual(['open', 'open', 'open']);
  });

  it('records an attempt run twice once', async () => {
    const caseId = await file();
    await h.runtime.stopWorkers();
    try {
      const id = await invokeService(h, { caseId, activationId: 'twice#1', service: 'flaky' });
      const results = await Promise.all([h.runtime.runServiceAttempt(id, 1), h.runtime.runServiceAttempt(id, 1)]);
      expect(results.sort()).toEqual(['skipped', 'succeeded']);
      expect(await h.runtime.runServiceAttempt(id, 1)).toBe('skipped');
      expect((await eventTypes(caseId)).filter((t) => t === 'service.completed')).toHaveLength(1);
    } finally {
      await h.runtime.startWorkers();
    }
  });

  it('cancels the live invocations of a case that ends', async () => {
    const caseId = await file();
    const id = `${caseId}.wait#1`;
    script.set(id, ['busy']);
    await invokeService(h, { caseId, activationId: 'wait#1', service: 'flaky', maxAttempts: 2, backoffMs: 3_600_000 });
    await settled(id, 'retryWait');
    await h.runtime.withdrawCase(caseId, {}, PORTAL);
    expect(await invocation(id)).toMatchObject({ status: 'cancelled' });
    const live = await h.database.sql`select count(*)::int as n from timers where case_id = ${caseId} and status = 'pending'`;
    expect(live[0]?.n).toBe(0);
    await h.runtime.advanceClock({ by: { amount: 2, unit: 'hour' } });
    expect(calls.filter((c) => c.invocationId === id)).toHaveLength(1);
  });
});
