import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt, permitApplication, publishPermitWorkflows } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';
import { rowCounts } from './support/row-counts.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let admin: string;
let intake: string;
let market: string;
let manager: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await publishPermitWorkflows(harness);
  admin = await client.login('admin');
  intake = await client.login('huangpu.intake');
  market = await client.login('huangpu.market');
  manager = await client.login('huangpu.manager');
});

afterAll(async () => {
  await harness.close();
});

/** A case of `definitionKey` filed in 南京东路街道 and moved to its market-regulation review. */
async function reviewTask(definitionKey = 'http-permit'): Promise<{ caseId: string; taskId: string }> {
  const filed = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey }));
  const task = await openTaskAt(client, intake, filed.body.id, 'intake');
  await client.send('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-1' } }, { token: intake });
  return { caseId: filed.body.id, taskId: (await openTaskAt(client, market, filed.body.id, 'review')).id };
}

describe('an admin', () => {
  it('reads the tasks of every department in its inbox, any case detail and the monitor lists', async () => {
    const { caseId, taskId } = await reviewTask();
    const inbox = await client.send('GET', '/api/v1/tasks?limit=200', undefined, { token: admin });
    expect(inbox.status, inbox.text).toBe(200);
    expect(inbox.body.items).toContainEqual(expect.objectContaining({ id: taskId, departmentId: 'sh-huangpu-market-regulation' }));
    const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: admin });
    expect(detail.status, detail.text).toBe(200);
    const cases = await client.send('GET', '/api/v1/cases?limit=200', undefined, { token: admin });
    expect(cases.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    for (const path of ['/api/v1/monitor/overdue', '/api/v1/monitor/at-risk', '/api/v1/monitor/escalations', '/api/v1/monitor/load', '/api/v1/incidents']) {
      expect((await client.send('GET', path, undefined, { token: admin })).status, path).toBe(200);
    }
  });

  it('answers 403 admin-does-not-decide to claiming, completing and asking for an extension, saying who may, writing nothing', async () => {
    const { caseId, taskId } = await reviewTask('extension-permit');
    const before = await rowCounts(harness.database.sql);
    const attempts = [
      client.send('POST', `/api/v1/tasks/${taskId}/claim`, undefined, { token: admin }),
      client.send('POST', `/api/v1/tasks/${taskId}/complete`, { outcome: 'approve', data: {} }, { token: admin }),
      client.send('POST', `/api/v1/tasks/${taskId}/complete`, { outcome: 'return', data: {}, reason: '材料不全' }, { token: admin }),
      client.send('POST', `/api/v1/tasks/${taskId}/extension`, { amount: 2, reason: '专家评审' }, { token: admin }),
      client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'expertReview', taskId }, { token: admin }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status, response.text).toBe(403);
      expect(response.body.error.code).toBe('admin-does-not-decide');
      expect(response.body.error.message).toContain("department 'sh-huangpu-market-regulation'");
      expect(response.body.error.message).toContain('行政许可法');
      expect(response.body.error.details).toMatchObject({ taskId, departmentId: 'sh-huangpu-market-regulation' });
    }
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 403 admin-does-not-decide to approving or refusing an extension, which the manager then approves', async () => {
    const { taskId } = await reviewTask('extension-permit');
    expect((await client.send('POST', `/api/v1/tasks/${taskId}/extension`, { amount: 2, reason: '专家评审' }, { token: market })).status).toBe(200);
    const approve = await client.send('POST', `/api/v1/tasks/${taskId}/extension/approve`, undefined, { token: admin });
    expect(approve.status).toBe(403);
    expect(approve.body.error.code).toBe('admin-does-not-decide');
    expect(approve.body.error.message).toContain("role 'manager'");
    const refuse = await client.send('POST', `/api/v1/tasks/${taskId}/extension/refuse`, { reason: '不同意' }, { token: admin });
    expect(refuse.body.error.code).toBe('admin-does-not-decide');
    expect((await client.send('POST', `/api/v1/tasks/${taskId}/extension/approve`, undefined, { token: manager })).status).toBe(200);
  });

  it('still performs administrative operations: suspending and resuming a case as a whole', async () => {
    const { caseId } = await reviewTask();
    const suspended = await client.send('POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'expertReview' }, { token: admin });
    expect(suspended.status, suspended.text).toBe(200);
    const resumed = await client.send('POST', `/api/v1/cases/${caseId}/resume`, {}, { token: admin });
    expect(resumed.status, resumed.text).toBe(200);
  });
});
