import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let market: string;
let fire: string;
let manager: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('http-permit');
  intake = await client.login('huangpu.intake');
  market = await client.login('huangpu.market');
  fire = await client.login('huangpu.fire');
  manager = await client.login('huangpu.manager');
}, 120_000);

afterAll(async () => {
  await harness.close();
});

/** A new case whose intake was accepted; its review task (market regulation), claimed by its clerk. */
async function claimedReview(): Promise<{ caseId: string; caseNumber: string; taskId: string }> {
  const filed = await fileCase(client, { apiKey: PORTAL_KEY });
  const caseId = filed.body.id as string;
  const first = await openTaskAt(client, intake, caseId, 'intake');
  expect((await client.send('POST', `/api/v1/tasks/${first.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-1' } }, { token: intake })).status).toBe(200);
  const review = await openTaskAt(client, market, caseId, 'review');
  expect((await client.send('POST', `/api/v1/tasks/${review.id}/claim`, undefined, { token: market })).status).toBe(200);
  return { caseId, caseNumber: filed.body.caseNumber as string, taskId: review.id };
}

describe('task operations over HTTP', () => {
  it('reads one task, and still routes GET /tasks/extension-requests and GET /tasks/done (with each case’s number) to their lists', async () => {
    const { taskId, caseId, caseNumber } = await claimedReview();
    const read = await client.send('GET', `/api/v1/tasks/${taskId}`, undefined, { token: market });
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ task: { id: taskId, status: 'claimed', handoffs: [] }, case: { id: caseId }, comments: [] });
    expect((await client.send('GET', '/api/v1/tasks/extension-requests', undefined, { token: manager })).body).toMatchObject({ items: expect.any(Array) });
    const done = (await client.send('GET', '/api/v1/tasks/done', undefined, { token: intake })).body.items as { caseId: string; caseNumber: string }[];
    expect(done.find((t) => t.caseId === caseId)).toMatchObject({ caseNumber });
  });

  it('answers a transfer without a reason with a 400 naming the field, and one with a reason with the task moved', async () => {
    const { taskId } = await claimedReview();
    const blank = await client.send('POST', `/api/v1/tasks/${taskId}/transfer`, { departmentId: 'sh-huangpu-fire-rescue', reason: ' ' }, { token: market });
    expect(blank.status).toBe(400);
    expect(blank.body.error).toMatchObject({ code: 'reason-required', details: { field: 'reason' } });
    const moved = await client.send('POST', `/api/v1/tasks/${taskId}/transfer`, { departmentId: 'sh-huangpu-fire-rescue', reason: '属消防审查事项' }, { token: market });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ departmentId: 'sh-huangpu-fire-rescue', status: 'open', ownerId: 'huangpu.market', handoffs: [{ kind: 'transfer', reason: '属消防审查事项' }] });
    const inbox = await client.send('GET', `/api/v1/tasks?applicant=${encodeURIComponent('张')}&limit=200`, undefined, { token: fire });
    expect(inbox.body.items.map((t: { id: string }) => t.id)).toContain(taskId);
  });

  it('answers a second urge within the hour with 429 and when to try again', async () => {
    const { caseId } = await claimedReview();
    expect((await client.send('POST', `/api/v1/cases/${caseId}/urge`, {}, { token: manager })).status).toBe(200);
    const again = await client.send('POST', `/api/v1/cases/${caseId}/urge`, {}, { token: manager });
    expect(again.status).toBe(429);
    expect(again.body.error).toMatchObject({ code: 'urge-too-soon', details: { retryAfterSeconds: 3600 } });
  });

  it('delegates, refuses the delegatee a completion, and resolves back to the owner', async () => {
    const { taskId } = await claimedReview();
    expect((await client.send('POST', `/api/v1/tasks/${taskId}/delegate`, { assigneeId: 'huangpu.fire', reason: '请消防出具意见' }, { token: market })).status).toBe(200);
    const refused = await client.send('POST', `/api/v1/tasks/${taskId}/complete`, { outcome: 'approve', data: {} }, { token: fire });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('delegatee-may-only-resolve');
    const back = await client.send('POST', `/api/v1/tasks/${taskId}/resolve`, { comment: '消防条件符合' }, { token: fire });
    expect(back.body).toMatchObject({ assigneeId: 'huangpu.market', delegation: null });
  });
});

describe('the case view of people a task or a copy reached', () => {
  it('lets a delegatee of another department and a user the case was copied to read the case (listed under its number), and no one else there', async () => {
    const { caseId, caseNumber, taskId } = await claimedReview();
    const xuhui = await client.login('xuhui.fire');
    const health = await client.login('huangpu.health');
    expect((await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: fire })).status).toBe(403);
    expect((await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: health })).status).toBe(403);
    const copied = await client.send('POST', `/api/v1/tasks/${taskId}/copies`, { userIds: ['huangpu.health'] }, { token: market });
    expect(copied.status, copied.text).toBe(201);
    const copies = (await client.send('GET', '/api/v1/copies', undefined, { token: health })).body.items as { caseId: string; case: { caseNumber: string } }[];
    expect(copies.find((c) => c.caseId === caseId)?.case.caseNumber).toBe(caseNumber);
    const delegated = await client.send('POST', `/api/v1/tasks/${taskId}/delegate`, { assigneeId: 'huangpu.fire', reason: '请出具消防意见' }, { token: market });
    expect(delegated.status, delegated.text).toBe(200);
    expect((await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: fire })).status).toBe(200);
    expect((await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: health })).status).toBe(200);
    expect((await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: xuhui })).status).toBe(403);
  });
});
