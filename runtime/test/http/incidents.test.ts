import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../execution/support/execution-harness.ts';
import { expectInvalidInput } from './support/body-rejection-suite.ts';
import { fileCase, permitApplication } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let manager: string;
let otherManager: string;
let clerk: string;
let admin: string;
let healthy = false;

beforeAll(async () => {
  harness = await startHttp({
    services: {
      registry: async () => {
        if (!healthy) throw new Error('registry unreachable');
        return { data: { registryRef: 'R-42' } };
      },
    },
  });
  client = harness.client;
  await harness.publish('registry-call');
  manager = await client.login('huangpu.manager');
  otherManager = await client.login('xuhui.manager');
  clerk = await client.login('huangpu.market');
  admin = await client.login('admin');
});

afterAll(async () => {
  await harness.close();
});

/** A case whose `registry` call failed: its id and the incident's. */
async function failedCall(): Promise<{ caseId: string; caseNumber: string; incidentId: string }> {
  healthy = false;
  const filed = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey: 'registry-call' }));
  const caseId = filed.body.id as string;
  const incidentId = await eventually(async () => {
    const page = await client.send('GET', `/api/v1/incidents?caseId=${caseId}`, undefined, { token: manager });
    return page.body.items[0]?.id as string | undefined;
  }, 10_000);
  return { caseId, caseNumber: filed.body.caseNumber as string, incidentId };
}

describe('GET /incidents', () => {
  it('lists open incidents of the manager’s jurisdiction, newest first, with their case and its number', async () => {
    const { caseId, caseNumber, incidentId } = await failedCall();
    const response = await client.send('GET', '/api/v1/incidents?status=open', undefined, { token: manager });
    expect(response.status, response.text).toBe(200);
    expect(response.body.items[0]).toMatchObject({
      id: incidentId,
      caseId,
      caseNumber,
      nodeId: 'register',
      service: 'registry',
      error: 'registry unreachable',
      attempts: 1,
      status: 'open',
      retries: 0,
      definitionKey: 'registry-call',
      caseJurisdictionId: 'sh-huangpu-nanjing-east',
    });
    expect(response.body.total).toBeGreaterThanOrEqual(1);
    const city = await client.send('GET', `/api/v1/incidents?caseId=${caseId}`, undefined, { token: admin });
    expect(city.body.total).toBe(1);
    const elsewhere = await client.send('GET', `/api/v1/incidents?caseId=${caseId}`, undefined, { token: otherManager });
    expect(elsewhere.body).toEqual({ items: [], total: 0 });
  });

  it('is refused to clerks, to the portal and without a token', async () => {
    const asClerk = await client.send('GET', '/api/v1/incidents', undefined, { token: clerk });
    expect(asClerk.status).toBe(403);
    expect(asClerk.body.error.code).toBe('role-required');
    expect((await client.send('GET', '/api/v1/incidents', undefined, { apiKey: PORTAL_KEY })).status).toBe(403);
    expect((await client.send('GET', '/api/v1/incidents')).status).toBe(401);
  });

  it('names the query parameter it cannot read', async () => {
    expectInvalidInput(await client.send('GET', '/api/v1/incidents?status=closed', undefined, { token: manager }), 'query.status');
    expectInvalidInput(await client.send('GET', '/api/v1/incidents?limit=0', undefined, { token: manager }), 'query.limit');
    expectInvalidInput(await client.send('GET', '/api/v1/incidents?caseId=%20', undefined, { token: manager }), 'query.caseId');
  });
});

describe('POST /incidents/{id}/retry', () => {
  it('invokes the service anew (202); the incident is resolved when it succeeds, the case goes on, and it cannot be retried again', async () => {
    const { caseId, caseNumber, incidentId } = await failedCall();
    healthy = true;
    const response = await client.send('POST', `/api/v1/incidents/${incidentId}/retry`, undefined, { token: manager });
    expect(response.status, response.text).toBe(202);
    expect(response.body).toMatchObject({ id: incidentId, caseNumber, status: 'open', retries: 1 });
    await eventually(async () => {
      const page = await client.send('GET', `/api/v1/incidents?caseId=${caseId}&status=resolved`, undefined, { token: manager });
      return page.body.total === 1 ? true : undefined;
    }, 10_000);
    const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: manager });
    expect(detail.body.case.data).toMatchObject({ registryRef: 'R-42' });
    expect(detail.body.tasks.map((t: { nodeId: string }) => t.nodeId)).toEqual(['review']);
    const again = await client.send('POST', `/api/v1/incidents/${incidentId}/retry`, undefined, { token: manager });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('incident-not-open');
  });

  it('answers 404 for an incident outside the caller’s jurisdiction or unknown, and 403 to a clerk', async () => {
    const { incidentId } = await failedCall();
    const elsewhere = await client.send('POST', `/api/v1/incidents/${incidentId}/retry`, undefined, { token: otherManager });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.code).toBe('incident-not-found');
    expect((await client.send('POST', `/api/v1/incidents/${randomUUID()}/retry`, undefined, { token: manager })).status).toBe(404);
    expect((await client.send('POST', `/api/v1/incidents/${incidentId}/retry`, undefined, { token: clerk })).status).toBe(403);
    expectInvalidInput(await client.send('POST', '/api/v1/incidents/%20/retry', undefined, { token: manager }), 'path.id');
  });
});
