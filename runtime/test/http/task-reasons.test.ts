import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt, permitApplication } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';
import { rowCounts } from './support/row-counts.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let market: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('reasoned-permit');
  intake = await client.login('huangpu.intake');
  market = await client.login('huangpu.market');
});

afterAll(async () => {
  await harness.close();
});

/** A new case of `reasoned-permit`, accepted at intake: its open review task. */
async function reviewTask(): Promise<{ caseId: string; taskId: string }> {
  const filed = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey: 'reasoned-permit' }));
  expect(filed.status, filed.text).toBe(201);
  const intakeTask = await openTaskAt(client, intake, filed.body.id, 'intake');
  const accepted = await client.send('POST', `/api/v1/tasks/${intakeTask.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-1' } }, { token: intake });
  expect(accepted.status, accepted.text).toBe(200);
  return { caseId: filed.body.id, taskId: (await openTaskAt(client, market, filed.body.id, 'review')).id };
}

const complete = (taskId: string, body: unknown) => client.send('POST', `/api/v1/tasks/${taskId}/complete`, body, { token: market });

describe('POST /tasks/{id}/complete: reasons for a rejection and a return (schema version 2)', () => {
  it('answers 400 reason-required naming the field when a rejection or a return gives none, writing nothing', async () => {
    const { taskId } = await reviewTask();
    const before = await rowCounts(harness.database.sql);
    for (const body of [
      { outcome: 'reject', data: {} },
      { outcome: 'reject', data: { refusalReason: '  ' } },
      { outcome: 'return', data: {}, comment: '' },
    ]) {
      const response = await complete(taskId, body);
      expect(response.status, response.text).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'reason-required', details: { field: 'reason' } });
      expect(response.body.error.message).toContain("'review'");
    }
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 400 naming body.reason when the reason is not text', async () => {
    const { taskId } = await reviewTask();
    const response = await complete(taskId, { outcome: 'reject', data: {}, reason: 42 });
    expect(response.status).toBe(400);
    expect(response.body.error.details.issues.map((i: { path: string }) => i.path)).toContain('reason');
  });

  it('records the reason written in the outcome’s form field, on the task and in the timeline', async () => {
    const { caseId, taskId } = await reviewTask();
    const response = await complete(taskId, { outcome: 'reject', data: { refusalReason: '经营场所不符合卫生要求' } });
    expect(response.status, response.text).toBe(200);
    expect(response.body.task).toMatchObject({ outcome: 'reject', reason: '经营场所不符合卫生要求' });
    expect(response.body.case).toMatchObject({ status: 'completed', result: 'rejected' });
    const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: market });
    const event = detail.body.timeline.find((e: { type: string; payload: Record<string, unknown> }) => e.type === 'task.completed' && e.payload.outcome === 'reject');
    expect(event.payload.reason).toBe('经营场所不符合卫生要求');
  });

  it('takes the reason given in the request, or else the comment', async () => {
    const first = await reviewTask();
    const returned = await complete(first.taskId, { outcome: 'return', data: {}, reason: '材料与现场不符', comment: '请重新核对' });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body.task).toMatchObject({ outcome: 'return', reason: '材料与现场不符', comment: '请重新核对' });
    expect(returned.body.nextTasks.map((t: { nodeId: string }) => t.nodeId)).toEqual(['intake']);

    const second = await reviewTask();
    const commented = await complete(second.taskId, { outcome: 'return', data: {}, comment: '缺少租赁合同' });
    expect(commented.status, commented.text).toBe(200);
    expect(commented.body.task.reason).toBe('缺少租赁合同');
  });

  it('asks no reason of an approval', async () => {
    const { taskId } = await reviewTask();
    const response = await complete(taskId, { outcome: 'approve', data: {} });
    expect(response.status, response.text).toBe(200);
    expect(response.body.task.reason).toBeNull();
  });
});
