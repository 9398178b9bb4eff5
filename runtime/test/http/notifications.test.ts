import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt, permitApplication, publishPermitWorkflows } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let market: string;
let manager: string;
let supervisor: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await publishPermitWorkflows(harness);
  intake = await client.login('huangpu.intake');
  market = await client.login('huangpu.market');
  manager = await client.login('huangpu.manager');
  supervisor = await client.login('huangpu.supervisor');
}, 120_000);

afterAll(async () => {
  await harness.close();
});

/** A new case whose intake the service hall accepted: its review waits, unclaimed, in market regulation. */
async function atReview(definitionKey = 'http-permit'): Promise<{ caseId: string; caseNumber: string; taskId: string }> {
  const filed = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey }));
  const caseId = filed.body.id as string;
  const first = await openTaskAt(client, intake, caseId, 'intake');
  expect((await client.send('POST', `/api/v1/tasks/${first.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-1' } }, { token: intake })).status).toBe(200);
  return { caseId, caseNumber: filed.body.caseNumber as string, taskId: (await openTaskAt(client, market, caseId, 'review')).id };
}

const mine = (token: string, query = '') => client.send('GET', `/api/v1/me/notifications${query}`, undefined, { token });

describe('a user’s notifications (消息)', () => {
  it('brings the urge of an unclaimed task to the clerk who could claim it, with the unread count, until they mark it read', async () => {
    const { caseId, caseNumber, taskId } = await atReview();
    const before = (await mine(market)).body.unread as number;
    expect((await client.send('POST', `/api/v1/cases/${caseId}/urge`, { message: '申请人来电催问进度' }, { token: intake })).status).toBe(200);
    const after = await mine(market, '?unread=true');
    expect(after.body.unread).toBe(before + 1);
    const urge = after.body.items.find((n: { caseId: string }) => n.caseId === caseId);
    expect(urge).toMatchObject({ kind: 'urge', caseNumber, taskId, taskName: '审查', definitionKey: 'http-permit', message: '申请人来电催问进度', read: false, readAt: null });

    const read = await client.send('POST', `/api/v1/me/notifications/${urge.id}/read`, undefined, { token: market });
    expect(read.status, read.text).toBe(200);
    expect((await mine(market)).body.unread).toBe(before);
    expect((await client.send('POST', `/api/v1/me/notifications/${urge.id}/read`, undefined, { token: intake })).status).toBe(404);
    const again = await client.send('POST', `/api/v1/me/notifications/${urge.id}/read`, undefined, { token: market });
    expect(again.body.readAt).toBe(read.body.readAt);
  });

  it('marks every unread notification read at once', async () => {
    const { caseId } = await atReview();
    expect((await client.send('POST', `/api/v1/cases/${caseId}/urge`, {}, { token: intake })).status).toBe(200);
    expect((await mine(market)).body.unread).toBeGreaterThan(0);
    const all = await client.send('POST', '/api/v1/me/notifications/read-all', undefined, { token: market });
    expect(all.body.marked).toBeGreaterThan(0);
    expect((await mine(market)).body.unread).toBe(0);
    expect((await mine(market, '?unread=true')).body.items).toEqual([]);
  });

  it('tells the clerk who asked for an extension of its refusal and of its approval', async () => {
    const refused = await atReview('extension-permit');
    expect((await client.send('POST', `/api/v1/tasks/${refused.taskId}/claim`, undefined, { token: market })).status).toBe(200);
    expect((await client.send('POST', `/api/v1/tasks/${refused.taskId}/extension`, { amount: 2, reason: '需组织专家论证' }, { token: market })).status).toBe(200);
    expect((await client.send('POST', `/api/v1/tasks/${refused.taskId}/extension/refuse`, { reason: '理由不充分' }, { token: manager })).status).toBe(200);

    const approved = await atReview('extension-permit');
    expect((await client.send('POST', `/api/v1/tasks/${approved.taskId}/claim`, undefined, { token: market })).status).toBe(200);
    expect((await client.send('POST', `/api/v1/tasks/${approved.taskId}/extension`, { amount: 2, reason: '需现场核查' }, { token: market })).status).toBe(200);
    expect((await client.send('POST', `/api/v1/tasks/${approved.taskId}/extension/approve`, undefined, { token: manager })).status).toBe(200);

    const items = (await mine(market, '?limit=200')).body.items as { kind: string; taskId: string; message: string }[];
    expect(items.find((n) => n.taskId === refused.taskId && n.kind === 'extensionRefused')?.message).toContain('理由不充分');
    expect(items.find((n) => n.taskId === approved.taskId && n.kind === 'extensionApproved')).toBeDefined();
  });

  it('brings an escalated breach to the supervisors and managers of the city’s supervision office, and keeps the monitor’s list to one row per office', async () => {
    const filed = await fileCase(client, { apiKey: PORTAL_KEY });
    const caseId = filed.body.id as string;
    const caseNumber = filed.body.caseNumber as string;
    const advanced = await client.send('POST', '/api/v1/clock/advance', { by: { amount: 2, unit: 'workingDay' } }, { token: await client.login('admin') });
    expect(advanced.status, advanced.text).toBe(200);
    for (const username of ['city.supervisor', 'city.manager']) {
      const token = await client.login(username);
      const escalation = (await mine(token, '?limit=200')).body.items.find((n: { kind: string; caseId: string }) => n.kind === 'escalation' && n.caseId === caseId);
      expect(escalation).toMatchObject({ read: false, taskName: '受理' });
    }
    expect((await mine(supervisor, '?limit=200')).body.items.some((n: { caseId: string }) => n.caseId === caseId)).toBe(false);
    const monitor = await client.send('GET', '/api/v1/monitor/escalations?limit=200', undefined, { token: manager });
    expect(monitor.body.items.some((n: { caseId: string }) => n.caseId === caseId)).toBe(true);
    const rows = monitor.body.items.filter((n: { caseId: string }) => n.caseId === caseId);
    expect(rows.every((n: { userId: string | null; caseNumber: string }) => n.userId === null && n.caseNumber === caseNumber)).toBe(true);
    expect(new Set(rows.map((n: { jurisdictionId: string }) => n.jurisdictionId)).size).toBe(rows.length);
  });

  it('refuses an API key', async () => {
    const response = await client.send('GET', '/api/v1/me/notifications', undefined, { apiKey: PORTAL_KEY });
    expect(response.status).toBe(403);
  });
});
