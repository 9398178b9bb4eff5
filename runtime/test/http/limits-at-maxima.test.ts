import { COUNTABLE_RANGE, MAX_DURATION } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt, permitApplication } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient, TestResponse } from './support/http-test-client.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let market: string;
let manager: string;
let admin: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('limits-at-maxima');
  intake = await client.login('huangpu.intake');
  market = await client.login('huangpu.market');
  manager = await client.login('huangpu.manager');
  admin = await client.login('admin');
});

afterAll(async () => {
  await harness.close();
});

function ok(response: TestResponse, status = 200): TestResponse {
  expect(response.status, `${response.status} ${response.text.slice(0, 400)}`).toBe(status);
  return response;
}

/** Files a case, takes it through intake, asks for and approves the longest extension, suspends and resumes it; every answer checked. */
async function caseThroughReview(): Promise<{ caseId: string; reviewId: string }> {
  const filed = ok(await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey: 'limits-at-maxima' })), 201);
  const caseId = filed.body.id as string;
  const intakeTask = await openTaskAt(client, intake, caseId, 'intake');
  ok(await client.send('POST', `/api/v1/tasks/${intakeTask.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-max' } }, { token: intake }));
  const reviewId = (await openTaskAt(client, market, caseId, 'review')).id;
  ok(await client.send('POST', `/api/v1/tasks/${reviewId}/extension`, { amount: MAX_DURATION.workingDay, reason: '十年之限' }, { token: market }));
  ok(await client.send('POST', `/api/v1/tasks/${reviewId}/extension/approve`, undefined, { token: manager }));
  ok(await client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'testing', taskId: reviewId, comment: '送检' }, { token: market }));
  ok(await client.send('POST', `/api/v1/cases/${caseId}/resume`, { data: {} }, { token: market }));
  return { caseId, reviewId };
}

/** The reads of every user involved, each answered 200. */
async function readEverything(caseId: string): Promise<void> {
  ok(await client.send('GET', '/api/v1/tasks?limit=200', undefined, { token: intake }));
  ok(await client.send('GET', '/api/v1/tasks?limit=200', undefined, { token: market }));
  ok(await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: manager }));
  ok(await client.send('GET', '/api/v1/monitor/overdue', undefined, { token: manager }));
  ok(await client.send('GET', '/api/v1/monitor/at-risk', undefined, { token: manager }));
}

describe('a definition with every limit at the longest the calendar counts', () => {
  it('files, extends, suspends and resumes cases at the start of the range, and fires their timers as the clock crosses it', async () => {
    const { caseId, reviewId } = await caseThroughReview();
    await readEverything(caseId);
    const moved = ok(await client.send('POST', '/api/v1/clock/advance', { to: COUNTABLE_RANGE.to }, { token: admin }));
    expect(moved.body.fired.map((timer: { kind: string }) => timer.kind)).toEqual(expect.arrayContaining(['taskAtRisk', 'taskBreach', 'caseAtRisk']));
    await readEverything(caseId);
    const detail = ok(await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: manager }));
    expect(detail.body.tasks.find((task: { id: string }) => task.id === reviewId)).toMatchObject({ slaState: 'overdue' });
  });

  it('files, extends, suspends and resumes a case at the last instant of the range, its deadlines past the range', async () => {
    const { caseId, reviewId } = await caseThroughReview();
    await readEverything(caseId);
    const review = ok(await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: manager })).body.tasks.find((task: { id: string }) => task.id === reviewId);
    expect(new Date(review.dueAt).getTime()).toBeGreaterThan(Date.parse('2119-01-01T00:00:00Z'));
    expect(review.minutesLeft).toBeGreaterThan(0);
    ok(await client.send('POST', `/api/v1/tasks/${reviewId}/complete`, { outcome: 'approve', data: {} }, { token: market }));
    const detail = ok(await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: manager }));
    expect(detail.body.activeNodes).toEqual(['notice']);
  });
});
