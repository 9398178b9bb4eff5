import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt, permitApplication } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let manager: string;

const application = permitApplication({
  definitionKey: 'permissioned-permit',
  data: { shopName: '南京东路小吃店', idNumber: '310101199001011234', address: '南京东路 1 号' },
});

async function intakeTask(): Promise<{ caseId: string; taskId: string }> {
  const filed = await fileCase(client, { apiKey: PORTAL_KEY }, application);
  expect(filed.status, filed.text).toBe(201);
  const caseId = filed.body.id as string;
  return { caseId, taskId: (await openTaskAt(client, manager, caseId, 'intake')).id };
}

const caseData = async (caseId: string): Promise<Record<string, unknown>> =>
  (await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: manager })).body.case.data as Record<string, unknown>;

const complete = (taskId: string, data: Record<string, unknown>) =>
  client.send('POST', `/api/v1/tasks/${taskId}/complete`, { outcome: 'approve', data }, { token: intake });

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('permissioned-permit');
  intake = await client.login('huangpu.intake');
  manager = await client.login('huangpu.manager');
});

afterAll(async () => {
  await harness.close();
});

describe('field permissions', () => {
  it('leaves a field hidden at the task out of the case data the clerk is sent, and shows it to a manager', async () => {
    const { taskId } = await intakeTask();
    const asClerk = await client.send('GET', `/api/v1/tasks/${taskId}`, undefined, { token: intake });
    expect(asClerk.status, asClerk.text).toBe(200);
    expect(asClerk.body.case.data).toEqual({ shopName: '南京东路小吃店', address: '南京东路 1 号' });
    const asManager = await client.send('GET', `/api/v1/tasks/${taskId}`, undefined, { token: manager });
    expect(asManager.body.case.data.idNumber).toBe('310101199001011234');
  });

  it('refuses a completion writing a read-only or a hidden field, naming it, and stores nothing', async () => {
    const { caseId, taskId } = await intakeTask();
    const readOnly = await complete(taskId, { receiptNo: 'R-1', shopName: '别的店' });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.error.details).toMatchObject({ field: 'data.shopName', reason: 'read-only' });
    const hidden = await complete(taskId, { receiptNo: 'R-1', idNumber: '0' });
    expect(hidden.status).toBe(400);
    expect(hidden.body.error.details).toMatchObject({ field: 'data.idNumber', reason: 'hidden' });
    expect(await caseData(caseId)).toEqual(application.data);
    expect((await openTaskAt(client, manager, caseId, 'intake')).id).toBe(taskId);
  });

  it('merges a correction of an editable application field into the case data, checked against the data schema', async () => {
    const { caseId, taskId } = await intakeTask();
    const invalid = await complete(taskId, { receiptNo: 'R-2', address: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details).toMatchObject({ field: 'data.address' });
    const corrected = await complete(taskId, { receiptNo: 'R-2', address: '南京东路 2 号' });
    expect(corrected.status, corrected.text).toBe(200);
    expect(await caseData(caseId)).toMatchObject({ address: '南京东路 2 号', idNumber: '310101199001011234', receiptNo: 'R-2' });
  });

  it('keeps a field read-only at the next task, whatever an earlier task allowed', async () => {
    const { caseId } = await intakeTask();
    const intakeId = (await openTaskAt(client, manager, caseId, 'intake')).id;
    expect((await complete(intakeId, { receiptNo: 'R-3' })).status).toBe(200);
    const reviewId = (await openTaskAt(client, manager, caseId, 'review')).id;
    const reviewer = await client.login('huangpu.market');
    const refused = await client.send('POST', `/api/v1/tasks/${reviewId}/complete`, { outcome: 'approve', data: { address: '别处' } }, { token: reviewer });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ field: 'data.address', reason: 'read-only' });
  });

  it('leaves the hidden field out of GET /cases/{id} and GET /cases for the clerk of the step, timeline included', async () => {
    const { caseId, taskId } = await intakeTask();
    expect((await client.send('POST', `/api/v1/tasks/${taskId}/claim`, undefined, { token: intake })).status).toBe(200);
    const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: intake });
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.case.data).toEqual({ shopName: '南京东路小吃店', address: '南京东路 1 号' });
    expect(JSON.stringify(detail.body)).not.toContain('310101199001011234');
    const list = await client.send('GET', '/api/v1/cases', undefined, { token: intake });
    const listed = (list.body.items as { id: string; data: Record<string, unknown> }[]).find((c) => c.id === caseId);
    expect(listed?.data).toEqual({ shopName: '南京东路小吃店', address: '南京东路 1 号' });
    const asManager = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: manager });
    expect(asManager.body.case.data.idNumber).toBe('310101199001011234');
  });

  it('lets a user the case was copied to read it through GET /cases/{id}, without the fields the copied step hides', async () => {
    const { caseId, taskId } = await intakeTask();
    expect((await client.send('POST', `/api/v1/tasks/${taskId}/claim`, undefined, { token: intake })).status).toBe(200);
    const reader = await client.login('huangpu.fire');
    expect((await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: reader })).status).toBe(403);
    const fireUser = (await client.send('GET', '/api/v1/me', undefined, { token: reader })).body.id as string;
    const copied = await client.send('POST', `/api/v1/tasks/${taskId}/copies`, { userIds: [fireUser], reason: '请知悉' }, { token: intake });
    expect(copied.status, copied.text).toBe(201);
    const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: reader });
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.case.data).toEqual({ shopName: '南京东路小吃店', address: '南京东路 1 号' });
    expect(JSON.stringify(detail.body)).not.toContain('310101199001011234');
  });
});
