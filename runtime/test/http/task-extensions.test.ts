import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidInput, itRejectsBadBodies } from './support/body-rejection-suite.ts';
import { fileCase, openTaskAt, permitApplication, publishPermitWorkflows } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';
import { rowCounts } from './support/row-counts.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let market: string;
let manager: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await publishPermitWorkflows(harness);
  intake = await client.login('huangpu.intake');
  market = await client.login('huangpu.market');
  manager = await client.login('huangpu.manager');
});

afterAll(async () => {
  await harness.close();
});

async function reviewTask(): Promise<string> {
  const filed = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey: 'extension-permit' }));
  const task = await openTaskAt(client, intake, filed.body.id, 'intake');
  await client.send('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-7' } }, { token: intake });
  return (await openTaskAt(client, market, filed.body.id, 'review')).id;
}

describe('POST /tasks/{id}/extension and /extension/approve, GET /tasks/extension-requests', () => {
  it('asks, lists the request for the manager under its case’s number, and approves it: the deadline moves', async () => {
    const taskId = await reviewTask();
    const asked = await client.send('POST', `/api/v1/tasks/${taskId}/extension`, { amount: 3, reason: '需补充现场核查' }, { token: market });
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body).toMatchObject({ id: taskId, extension: { amount: 3, unit: 'workingDay', status: 'requested', reason: '需补充现场核查' } });
    const pending = await client.send('GET', '/api/v1/tasks/extension-requests', undefined, { token: manager });
    expect(pending.status).toBe(200);
    expect(pending.body.items.find((t: { id: string }) => t.id === taskId)).toMatchObject({ caseNumber: expect.stringMatching(/^SH-\d{4}-\d{6}$/) });
    const approved = await client.send('POST', `/api/v1/tasks/${taskId}/extension/approve`, undefined, { token: manager });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.extension).toMatchObject({ status: 'approved', previousDueAt: asked.body.dueAt });
    expect(new Date(approved.body.dueAt).getTime()).toBeGreaterThan(new Date(asked.body.dueAt).getTime());
  });

  it('answers 400 naming the amount over the cap, 403 to a clerk approving, 409 to a second request, writing nothing', async () => {
    const taskId = await reviewTask();
    const before = await rowCounts(harness.database.sql);
    const over = await client.send('POST', `/api/v1/tasks/${taskId}/extension`, { amount: 6, reason: '专家评审' }, { token: market });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ code: 'extension-refused', details: { field: 'amount', rule: 'cap-exceeded' } });
    expect(await rowCounts(harness.database.sql)).toEqual(before);
    await client.send('POST', `/api/v1/tasks/${taskId}/extension`, { amount: 2, reason: '专家评审' }, { token: market });
    const clerk = await client.send('POST', `/api/v1/tasks/${taskId}/extension/approve`, undefined, { token: market });
    expect(clerk.status).toBe(403);
    expect(clerk.body.error.code).toBe('extension-approver-required');
    const again = await client.send('POST', `/api/v1/tasks/${taskId}/extension`, { amount: 1, reason: '再延' }, { token: market });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('extension-already-requested');
  });

  it('refuses a request with a reason, naming the field when the reason is missing, writing nothing then', async () => {
    const taskId = await reviewTask();
    await client.send('POST', `/api/v1/tasks/${taskId}/extension`, { amount: 2, reason: '专家评审' }, { token: market });
    const path = `/api/v1/tasks/${taskId}/extension/refuse`;
    const before = await rowCounts(harness.database.sql);
    expectInvalidInput(await client.send('POST', path, {}, { token: manager }), 'body.reason');
    expectInvalidInput(await client.send('POST', path, { reason: '  ' }, { token: manager }), 'body.reason');
    expect((await client.send('POST', path, { reason: '不同意' }, { token: market })).status).toBe(403);
    expect(await rowCounts(harness.database.sql)).toEqual(before);
    const refused = await client.send('POST', path, { reason: '不同意' }, { token: manager });
    expect(refused.status, refused.text).toBe(200);
    expect(refused.body.extension).toMatchObject({ status: 'refused', refusalReason: '不同意' });
    expect((await client.send('POST', path, { reason: '不同意' }, { token: manager })).status).toBe(409);
  });

  it('names the field it cannot use, and answers 401 and 404', async () => {
    const taskId = await reviewTask();
    const path = `/api/v1/tasks/${taskId}/extension`;
    expectInvalidInput(await client.send('POST', path, { reason: '专家评审' }, { token: market }), 'body.amount');
    expectInvalidInput(await client.send('POST', path, { amount: 0, reason: '专家评审' }, { token: market }), 'body.amount');
    expectInvalidInput(await client.send('POST', path, { amount: '2', reason: '专家评审' }, { token: market }), 'body.amount');
    expectInvalidInput(await client.send('POST', path, { amount: 2 }, { token: market }), 'body.reason');
    expectInvalidInput(await client.send('POST', path, { amount: 2, reason: '   ' }, { token: market }), 'body.reason');
    expect((await client.send('POST', path, { amount: 2, reason: 'x', days: 2 }, { token: market })).status).toBe(400);
    expect((await client.send('POST', path, { amount: 2, reason: 'x' })).status).toBe(401);
    const missing = await client.send('POST', `/api/v1/tasks/${randomUUID()}/extension`, { amount: 2, reason: 'x' }, { token: market });
    expect(missing.status).toBe(404);
    expect((await client.send('POST', `/api/v1/tasks/${randomUUID()}/extension/approve`, undefined, { token: manager })).status).toBe(404);
    expectInvalidInput(await client.send('GET', '/api/v1/tasks/extension-requests?limit=0', undefined, { token: manager }), 'query.limit');
  });

  for (const [action, by] of [
    ['extension', () => market],
    ['extension/refuse', () => manager],
  ] as const) {
    describe(`with a body to /${action} that is not a JSON object within the limit`, () => {
      let taskId: string;
      beforeAll(async () => {
        taskId = await reviewTask();
      });
      itRejectsBadBodies(() => ({
        client,
        sql: harness.database.sql,
        method: 'POST',
        path: `/api/v1/tasks/${taskId}/${action}`,
        options: { token: by() },
        maxBodyBytes: 1_048_576,
      }));
    });
  }
});
