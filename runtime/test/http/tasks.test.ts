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
let otherIntake: string;
let market: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('http-permit');
  intake = await client.login('huangpu.intake');
  otherIntake = await client.login('xuhui.intake');
  market = await client.login('huangpu.market');
});

afterAll(async () => {
  await harness.close();
});

/** A new case and its open intake task. */
async function intakeTask(): Promise<{ caseId: string; taskId: string }> {
  const filed = await fileCase(client, { apiKey: PORTAL_KEY });
  expect(filed.status, filed.text).toBe(201);
  const task = await openTaskAt(client, intake, filed.body.id, 'intake');
  return { caseId: filed.body.id, taskId: task.id };
}

const complete = (taskId: string, body: unknown, token: string) =>
  client.send('POST', `/api/v1/tasks/${taskId}/complete`, body, { token });

describe('GET /tasks', () => {
  it('lists the department’s open tasks, soonest due first, with their case', async () => {
    const { caseId, taskId } = await intakeTask();
    const response = await client.send('GET', '/api/v1/tasks?limit=200', undefined, { token: intake });
    expect(response.status).toBe(200);
    const item = response.body.items.find((t: { id: string }) => t.id === taskId);
    expect(item).toMatchObject({
      nodeId: 'intake',
      status: 'open',
      departmentId: 'sh-huangpu-service-hall',
      case: { id: caseId, definitionKey: 'http-permit', jurisdictionId: 'sh-huangpu-nanjing-east' },
    });
    const due = response.body.items.map((t: { dueAt: string | null }) => t.dueAt ?? '9999');
    expect(due).toEqual([...due].sort());
    expect(response.body.total).toBe(response.body.items.length);
  });

  it('shows nothing of it to another district’s clerk', async () => {
    const { taskId } = await intakeTask();
    const response = await client.send('GET', '/api/v1/tasks?limit=200', undefined, { token: otherIntake });
    expect(response.body.items.map((t: { id: string }) => t.id)).not.toContain(taskId);
  });

  it('filters by status, repeated, and by the caller’s claims', async () => {
    const { taskId } = await intakeTask();
    await client.send('POST', `/api/v1/tasks/${taskId}/claim`, undefined, { token: intake });
    const mine = await client.send('GET', '/api/v1/tasks?mine=true&limit=200', undefined, { token: intake });
    expect(mine.body.items.map((t: { id: string }) => t.id)).toContain(taskId);
    expect(mine.body.items.every((t: { status: string }) => t.status === 'claimed')).toBe(true);
    const both = await client.send('GET', '/api/v1/tasks?status=open&status=claimed&limit=200', undefined, { token: intake });
    expect(both.body.items.map((t: { id: string }) => t.id)).toContain(taskId);
    const completed = await client.send('GET', '/api/v1/tasks?status=completed', undefined, { token: intake });
    expect(completed.body.items.map((t: { id: string }) => t.id)).not.toContain(taskId);
  });

  it('lists, with scope=managed, the tasks of every department a manager oversees and not those of another district', async () => {
    const { taskId } = await intakeTask();
    const huangpu = await client.login('huangpu.manager');
    const xuhui = await client.login('xuhui.manager');
    const ownInbox = await client.send('GET', '/api/v1/tasks?limit=200', undefined, { token: huangpu });
    expect(ownInbox.body.items.map((t: { id: string }) => t.id)).not.toContain(taskId);
    const managed = await client.send('GET', '/api/v1/tasks?scope=managed&limit=200', undefined, { token: huangpu });
    expect(managed.status, managed.text).toBe(200);
    expect(managed.body.items.map((t: { id: string }) => t.id)).toContain(taskId);
    const other = await client.send('GET', '/api/v1/tasks?scope=managed&limit=200', undefined, { token: xuhui });
    expect(other.body.items.map((t: { id: string }) => t.id)).not.toContain(taskId);
  });

  it('answers 403 managed-scope-forbidden to a clerk asking for scope=managed', async () => {
    const response = await client.send('GET', '/api/v1/tasks?scope=managed', undefined, { token: intake });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('managed-scope-forbidden');
  });

  it('names the query parameter it cannot read', async () => {
    expectInvalidInput(await client.send('GET', '/api/v1/tasks?mine=yes', undefined, { token: intake }), 'query.mine');
    expectInvalidInput(await client.send('GET', '/api/v1/tasks?status=done', undefined, { token: intake }), 'query.status');
    expectInvalidInput(await client.send('GET', '/api/v1/tasks?limit=201', undefined, { token: intake }), 'query.limit');
  });

  it('answers 401 without a token', async () => {
    expect((await client.send('GET', '/api/v1/tasks')).status).toBe(401);
  });
});

describe('POST /tasks/{id}/claim', () => {
  it('claims the task for the caller, without a body', async () => {
    const { taskId } = await intakeTask();
    const response = await client.send('POST', `/api/v1/tasks/${taskId}/claim`, undefined, { token: intake });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ id: taskId, status: 'claimed', assigneeId: expect.any(String) });
    expect(response.body.claimedAt).toEqual(expect.any(String));
  });

  it('answers 403 task-forbidden to a clerk of another department, writing nothing', async () => {
    const { taskId } = await intakeTask();
    const before = await rowCounts(harness.database.sql);
    const response = await client.send('POST', `/api/v1/tasks/${taskId}/claim`, undefined, { token: otherIntake });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('task-forbidden');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 404 for a task that does not exist', async () => {
    const response = await client.send('POST', `/api/v1/tasks/${randomUUID()}/claim`, undefined, { token: intake });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('task-not-found');
  });
});

describe('POST /tasks/{id}/complete', () => {
  it('answers the completed task, its case and the next task, which exists on return', async () => {
    const { caseId, taskId } = await intakeTask();
    const response = await complete(taskId, { outcome: 'approve', data: { receiptNo: 'R-0001' }, comment: '材料齐全' }, intake);
    expect(response.status, response.text).toBe(200);
    expect(response.body.task).toMatchObject({ id: taskId, status: 'completed', outcome: 'approve', comment: '材料齐全' });
    expect(response.body.case).toMatchObject({ id: caseId, status: 'active', data: { receiptNo: 'R-0001' } });
    expect(response.body.nextTasks).toEqual([
      expect.objectContaining({ nodeId: 'review', departmentId: 'sh-huangpu-market-regulation', status: 'open' }),
    ]);
    const inbox = await client.send('GET', '/api/v1/tasks?limit=200', undefined, { token: market });
    expect(inbox.body.items.map((t: { id: string }) => t.id)).toContain(response.body.nextTasks[0].id);
  });

  it('returns the case to intake as a new task when the reviewer chooses return', async () => {
    const { caseId, taskId } = await intakeTask();
    const accepted = await complete(taskId, { outcome: 'approve', data: { receiptNo: 'R-0002' } }, intake);
    const reviewId = accepted.body.nextTasks[0].id as string;
    const returned = await complete(reviewId, { outcome: 'return', data: {}, comment: '补充说明', returnTo: 'intake' }, market);
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body.nextTasks).toEqual([expect.objectContaining({ nodeId: 'intake', status: 'open' })]);
    expect(returned.body.nextTasks[0].id).not.toBe(taskId);
    const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: intake });
    expect(detail.body.activeNodes).toEqual(['intake']);
  });

  it('answers 409 task-not-open to a second completion, writing nothing', async () => {
    const { taskId } = await intakeTask();
    expect((await complete(taskId, { outcome: 'approve', data: { receiptNo: 'R-0003' } }, intake)).status).toBe(200);
    const before = await rowCounts(harness.database.sql);
    const again = await complete(taskId, { outcome: 'approve', data: { receiptNo: 'R-0003' } }, intake);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('task-not-open');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('lets exactly one of two simultaneous completions through', async () => {
    const { taskId } = await intakeTask();
    const body = { outcome: 'approve', data: { receiptNo: 'R-0004' } };
    const statuses = (await Promise.all([complete(taskId, body, intake), complete(taskId, body, intake)])).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 409]);
  });

  it('answers 403 task-forbidden to a clerk of another department, writing nothing', async () => {
    const { taskId } = await intakeTask();
    const before = await rowCounts(harness.database.sql);
    const response = await complete(taskId, { outcome: 'approve', data: { receiptNo: 'R-0005' } }, otherIntake);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('task-forbidden');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('names each missing field and each field of the wrong type, writing nothing', async () => {
    const { taskId } = await intakeTask();
    const before = await rowCounts(harness.database.sql);
    const missing = await complete(taskId, {}, intake);
    expectInvalidInput(missing, 'body.outcome');
    expectInvalidInput(missing, 'body.data');
    const wrongTypes = await complete(taskId, { outcome: 5, data: 'x', comment: 7, returnTo: {} }, intake);
    for (const field of ['outcome', 'data', 'comment', 'returnTo']) expectInvalidInput(wrongTypes, `body.${field}`);
    const unknownField = await complete(taskId, { outcome: 'approve', data: {}, decision: 'yes' }, intake);
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.code).toBe('invalid-input');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 400 naming the required form field left empty, writing nothing', async () => {
    const { taskId } = await intakeTask();
    const before = await rowCounts(harness.database.sql);
    const response = await complete(taskId, { outcome: 'approve', data: {} }, intake);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error.details)).toContain('receiptNo');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 400 to an outcome the task does not offer, writing nothing', async () => {
    const { taskId } = await intakeTask();
    const before = await rowCounts(harness.database.sql);
    const response = await complete(taskId, { outcome: 'reject', data: { receiptNo: 'R-0006' } }, intake);
    expect(response.status).toBe(400);
    expect(response.body.error.details.field).toBe('outcome');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 401 without a token', async () => {
    const { taskId } = await intakeTask();
    expect((await client.send('POST', `/api/v1/tasks/${taskId}/complete`, { outcome: 'approve', data: {} })).status).toBe(401);
  });

  describe('with a body that is not a JSON object within the limit', () => {
    let taskId: string;
    beforeAll(async () => {
      taskId = (await intakeTask()).taskId;
    });
    itRejectsBadBodies(() => ({
      client,
      sql: harness.database.sql,
      method: 'POST',
      path: `/api/v1/tasks/${taskId}/complete`,
      options: { token: intake },
      maxBodyBytes: 1_048_576,
    }));
  });
});
