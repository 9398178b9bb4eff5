import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidInput, itRejectsBadBodies } from './support/body-rejection-suite.ts';
import { fileCase, openTaskAt } from './support/case-helpers.ts';
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
  await harness.publish('http-permit');
  intake = await client.login('huangpu.intake');
  market = await client.login('huangpu.market');
  manager = await client.login('huangpu.manager');
});

afterAll(async () => {
  await harness.close();
});

/** A new case of `http-permit`, accepted at intake: its id and its open review task. */
async function inReview(): Promise<{ caseId: string; reviewId: string }> {
  const filed = await fileCase(client, { apiKey: PORTAL_KEY });
  expect(filed.status, filed.text).toBe(201);
  const task = await openTaskAt(client, intake, filed.body.id, 'intake');
  const accepted = await client.send('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-9' } }, { token: intake });
  expect(accepted.status, accepted.text).toBe(200);
  return { caseId: filed.body.id, reviewId: (await openTaskAt(client, market, filed.body.id, 'review')).id };
}

describe('POST /cases/{id}/withdraw', () => {
  it('ends the case withdrawn for the portal, with the reason, and answers 409 when it has ended', async () => {
    const { caseId } = await inReview();
    const response = await client.send('POST', `/api/v1/cases/${caseId}/withdraw`, { reason: '不再经营' }, { apiKey: PORTAL_KEY });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ id: caseId, status: 'completed', result: 'withdrawn', resultReason: '不再经营' });
    expect(response.body).not.toHaveProperty('snapshot');
    const again = await client.send('POST', `/api/v1/cases/${caseId}/withdraw`, {}, { apiKey: PORTAL_KEY });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('case-completed');
  });

  it('lets a service-hall clerk withdraw, and refuses other clerks, writing nothing', async () => {
    const { caseId } = await inReview();
    const before = await rowCounts(harness.database.sql);
    const refused = await client.send('POST', `/api/v1/cases/${caseId}/withdraw`, {}, { token: market });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('intake-forbidden');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
    expect((await client.send('POST', `/api/v1/cases/${caseId}/withdraw`, {}, { token: intake })).status).toBe(200);
  });

  it('names the field it cannot use, and answers 401 and 404', async () => {
    const { caseId } = await inReview();
    expectInvalidInput(await client.send('POST', `/api/v1/cases/${caseId}/withdraw`, { reason: 7 }, { apiKey: PORTAL_KEY }), 'body.reason');
    expectInvalidInput(await client.send('POST', `/api/v1/cases/${caseId}/withdraw`, { reason: '  ' }, { apiKey: PORTAL_KEY }), 'body.reason');
    expect((await client.send('POST', `/api/v1/cases/${caseId}/withdraw`, { why: 'x' }, { apiKey: PORTAL_KEY })).status).toBe(400);
    expect((await client.send('POST', `/api/v1/cases/${caseId}/withdraw`, {})).status).toBe(401);
    const missing = await client.send('POST', `/api/v1/cases/${randomUUID()}/withdraw`, {}, { apiKey: PORTAL_KEY });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('case-not-found');
  });

  describe('with a body that is not a JSON object within the limit', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await inReview()).caseId;
    });
    itRejectsBadBodies(() => ({
      client,
      sql: harness.database.sql,
      method: 'POST',
      path: `/api/v1/cases/${caseId}/withdraw`,
      options: { apiKey: PORTAL_KEY },
      maxBodyBytes: 1_048_576,
    }));
  });
});

describe('POST /cases/{id}/suspend and /resume', () => {
  it('suspends the case for the clerk of its task, refuses completions, and resumes it with the data gathered', async () => {
    const { caseId, reviewId } = await inReview();
    const suspended = await client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'testing', taskId: reviewId, comment: '送检' }, { token: market });
    expect(suspended.status, suspended.text).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', suspensionReason: 'testing' });
    const blocked = await client.send('POST', `/api/v1/tasks/${reviewId}/complete`, { outcome: 'approve', data: {} }, { token: market });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error).toMatchObject({ code: 'case-suspended', details: { reason: 'testing' } });
    const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: market });
    expect(detail.body.tasks.find((t: { id: string }) => t.id === reviewId)).toMatchObject({ status: 'open', suspended: true });

    const resumed = await client.send('POST', `/api/v1/cases/${caseId}/resume`, { data: { testReport: 'T-1 合格' } }, { token: market });
    expect(resumed.status, resumed.text).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'active', suspensionReason: null, data: { testReport: 'T-1 合格' } });
    const done = await client.send('POST', `/api/v1/tasks/${reviewId}/complete`, { outcome: 'approve', data: {} }, { token: market });
    expect(done.status, done.text).toBe(200);
  });

  it('lets a manager suspend the case as a whole; a clerk may not, nor may the portal', async () => {
    const { caseId } = await inReview();
    const before = await rowCounts(harness.database.sql);
    const clerk = await client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'hearing' }, { token: market });
    expect(clerk.status).toBe(403);
    expect(clerk.body.error.code).toBe('case-forbidden');
    const portal = await client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'hearing' }, { apiKey: PORTAL_KEY });
    expect(portal.status).toBe(403);
    expect(portal.body.error.code).toBe('api-key-not-allowed');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
    expect((await client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'hearing' }, { token: manager })).status).toBe(200);
    const twice = await client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'appraisal' }, { token: manager });
    expect(twice.status).toBe(409);
    expect((await client.send('POST', `/api/v1/cases/${caseId}/resume`, {}, { token: manager })).status).toBe(200);
    const notSuspended = await client.send('POST', `/api/v1/cases/${caseId}/resume`, {}, { token: manager });
    expect(notSuspended.status).toBe(409);
    expect(notSuspended.body.error.code).toBe('case-not-suspended');
  });

  it('names the fields it cannot use, writing nothing', async () => {
    const { caseId } = await inReview();
    const before = await rowCounts(harness.database.sql);
    expectInvalidInput(await client.send('POST', `/api/v1/cases/${caseId}/suspend`, {}, { token: manager }), 'body.reason');
    expectInvalidInput(await client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'supplement' }, { token: manager }), 'body.reason');
    expectInvalidInput(await client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'lunch' }, { token: manager }), 'body.reason');
    expectInvalidInput(await client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'hearing', taskId: 5 }, { token: manager }), 'body.taskId');
    expectInvalidInput(await client.send('POST', `/api/v1/cases/${caseId}/resume`, { data: 'x' }, { token: manager }), 'body.data');
    expect((await client.send('POST', `/api/v1/cases/${caseId}/resume`, { extra: 1 }, { token: manager })).status).toBe(400);
    const unknownTask = await client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'hearing', taskId: randomUUID() }, { token: market });
    expect(unknownTask.status).toBe(404);
    expect(unknownTask.body.error.code).toBe('task-not-found');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  for (const route of ['suspend', 'resume']) {
    describe(`${route} with a body that is not a JSON object within the limit`, () => {
      let caseId: string;
      beforeAll(async () => {
        caseId = (await inReview()).caseId;
      });
      itRejectsBadBodies(() => ({
        client,
        sql: harness.database.sql,
        method: 'POST',
        path: `/api/v1/cases/${caseId}/${route}`,
        options: { token: manager },
        maxBodyBytes: 1_048_576,
      }));
    });
  }
});
