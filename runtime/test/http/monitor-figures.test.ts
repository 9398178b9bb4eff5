import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidInput } from './support/body-rejection-suite.ts';
import { fileCase, openTaskAt, permitApplication } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

// The story (Shanghai time, cn-mainland working hours 09:00–12:00 and 13:00–17:00), from Monday
// 2 March 2026, 09:00: three cases filed in 黄浦区 (H1–H3) and one in 徐汇区 (X1).
// 10:00 H1 and X1 accepted (60 working minutes each); 14:00 H2 accepted (240) and H1's review
// approved (10:00 → 14:00: 180). H3's intake stays open until it is overdue.

let harness: HttpHarness;
let client: HttpTestClient;
const token: Record<string, string> = {};
const filed: Record<string, string> = {};

const get = (path: string, as: string) => client.send('GET', path, undefined, { token: token[as] });
const complete = async (as: string, caseId: string, nodeId: string, body: Record<string, unknown>) => {
  const task = await openTaskAt(client, token[as] as string, caseId, nodeId);
  const response = await client.send('POST', `/api/v1/tasks/${task.id}/complete`, body, { token: token[as] });
  expect(response.status, response.text).toBe(200);
};
const advance = async (by: Record<string, unknown>) => {
  const response = await client.send('POST', '/api/v1/clock/advance', { by }, { token: token.admin });
  expect(response.status, response.text).toBe(200);
};
const heatPath = '/api/v1/monitor/heat?definitionKey=http-permit&version=1';

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('http-permit');
  for (const username of ['huangpu.intake', 'huangpu.market', 'huangpu.manager', 'xuhui.intake', 'xuhui.manager', 'city.manager', 'admin']) {
    token[username] = await client.login(username);
  }
  for (const name of ['H1', 'H2', 'H3']) filed[name] = (await fileCase(client, { apiKey: PORTAL_KEY })).body.id;
  filed.X1 = (await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ jurisdiction: 'sh-xuhui-tianping' }))).body.id;
  await advance({ amount: 1, unit: 'hour' });
  await complete('huangpu.intake', filed.H1 as string, 'intake', { outcome: 'approve', data: { receiptNo: 'H-1' } });
  await complete('xuhui.intake', filed.X1 as string, 'intake', { outcome: 'approve', data: { receiptNo: 'X-1' } });
  await advance({ amount: 4, unit: 'hour' });
  await complete('huangpu.intake', filed.H2 as string, 'intake', { outcome: 'approve', data: { receiptNo: 'H-2' } });
  await complete('huangpu.market', filed.H1 as string, 'review', { outcome: 'approve', data: {} });
});

afterAll(async () => {
  await harness.close();
});

describe('GET /monitor/load', () => {
  it('gives each department of a district manager the median working minutes from creation to decision', async () => {
    const response = await get('/api/v1/monitor/load', 'huangpu.manager');
    expect(response.status, response.text).toBe(200);
    const items = response.body.items as { departmentId: string; jurisdictionId: string }[];
    expect(items.every((item) => item.jurisdictionId === 'sh-huangpu')).toBe(true);
    expect(items.find((item) => item.departmentId === 'sh-huangpu-service-hall')).toMatchObject({
      open: 1,
      medianHandlingMinutes: 150,
      handled: 2,
    });
    expect(items.find((item) => item.departmentId === 'sh-huangpu-market-regulation')).toMatchObject({
      open: 1,
      met: 1,
      medianHandlingMinutes: 180,
      handled: 1,
    });
    expect(items.find((item) => item.departmentId === 'sh-huangpu-fire-rescue')).toMatchObject({ medianHandlingMinutes: null, handled: 0 });
    expect(response.body.districts).toEqual([{ jurisdictionId: 'sh-huangpu', medianHandlingMinutes: 180, handled: 3 }]);
  });

  it('gives the city manager every district, and a clerk only their department', async () => {
    const city = await get('/api/v1/monitor/load', 'city.manager');
    expect(city.body.districts).toEqual([
      { jurisdictionId: 'sh', medianHandlingMinutes: null, handled: 0 },
      { jurisdictionId: 'sh-huangpu', medianHandlingMinutes: 180, handled: 3 },
      { jurisdictionId: 'sh-pudong', medianHandlingMinutes: null, handled: 0 },
      { jurisdictionId: 'sh-xuhui', medianHandlingMinutes: 60, handled: 1 },
    ]);
    const clerk = await get('/api/v1/monitor/load', 'xuhui.intake');
    expect(clerk.body.items).toEqual([
      expect.objectContaining({ departmentId: 'sh-xuhui-service-hall', open: 0, medianHandlingMinutes: 60, handled: 1 }),
    ]);
    expect(clerk.body.districts).toEqual([{ jurisdictionId: 'sh-xuhui', medianHandlingMinutes: 60, handled: 1 }]);
  });
});

describe('GET /monitor/heat', () => {
  it('counts per node the district’s open and decided tasks with their mean handling time', async () => {
    const response = await get(heatPath, 'huangpu.manager');
    expect(response.status, response.text).toBe(200);
    expect(response.body.nodes).toEqual({
      intake: { active: 1, atRisk: 0, overdue: 0, completed: 2, avgDurationMinutes: 150 },
      review: { active: 1, atRisk: 0, overdue: 0, completed: 1, avgDurationMinutes: 180 },
    });
  });

  it('shows a clerk only their department’s node, and another district only its own cases', async () => {
    expect((await get(heatPath, 'xuhui.intake')).body.nodes).toEqual({
      intake: { active: 0, atRisk: 0, overdue: 0, completed: 1, avgDurationMinutes: 60 },
    });
    expect((await get(heatPath, 'xuhui.manager')).body.nodes).toEqual({
      intake: { active: 0, atRisk: 0, overdue: 0, completed: 1, avgDurationMinutes: 60 },
      review: { active: 1, atRisk: 0, overdue: 0, completed: 0, avgDurationMinutes: null },
    });
  });

  it('counts at-risk and overdue tasks once their limits pass', async () => {
    await advance({ amount: 2, unit: 'workingDay' });
    const nodes = (await get(heatPath, 'huangpu.manager')).body.nodes;
    expect(nodes.intake).toMatchObject({ active: 1, overdue: 1 });
    expect(nodes.review).toMatchObject({ active: 1, atRisk: 1, overdue: 0 });
  });

  it('answers 404 for a version that was never published', async () => {
    const response = await get('/api/v1/monitor/heat?definitionKey=http-permit&version=9', 'huangpu.manager');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('definition-not-found');
  });

  it('names the query parameter it cannot read', async () => {
    expectInvalidInput(await get('/api/v1/monitor/heat?version=1', 'huangpu.manager'), 'query.definitionKey');
    expectInvalidInput(await get('/api/v1/monitor/heat?definitionKey=Not_A_Key&version=1', 'huangpu.manager'), 'query.definitionKey');
    expectInvalidInput(await get('/api/v1/monitor/heat?definitionKey=http-permit', 'huangpu.manager'), 'query.version');
    expectInvalidInput(await get('/api/v1/monitor/heat?definitionKey=http-permit&version=0', 'huangpu.manager'), 'query.version');
    expectInvalidInput(await get('/api/v1/monitor/heat?definitionKey=http-permit&version=two', 'huangpu.manager'), 'query.version');
  });

  it('answers 401 without a token and 403 to the portal key', async () => {
    expect((await client.send('GET', heatPath)).status).toBe(401);
    expect((await client.send('GET', heatPath, undefined, { apiKey: PORTAL_KEY })).status).toBe(403);
  });
});

describe('GET /monitor/series', () => {
  it('counts per Shanghai day the tasks created, decided, open at the end of the day, met and breached', async () => {
    await complete('huangpu.intake', filed.H3 as string, 'intake', { outcome: 'approve', data: { receiptNo: 'H-3' } });
    const response = await get('/api/v1/monitor/series?from=2026-03-01&to=2026-03-05', 'huangpu.manager');
    expect(response.status, response.text).toBe(200);
    expect(response.body.days).toEqual([
      { date: '2026-03-01', created: 0, completed: 0, openAtEnd: 0, met: 0, breached: 0 },
      { date: '2026-03-02', created: 5, completed: 3, openAtEnd: 2, met: 3, breached: 0 },
      { date: '2026-03-03', created: 0, completed: 0, openAtEnd: 2, met: 0, breached: 0 },
      { date: '2026-03-04', created: 1, completed: 1, openAtEnd: 2, met: 0, breached: 1 },
      { date: '2026-03-05', created: 0, completed: 0, openAtEnd: 2, met: 0, breached: 0 },
    ]);
  });

  it('starts a later range from the tasks open before it, in the caller’s scope', async () => {
    expect((await get('/api/v1/monitor/series?from=2026-03-03&to=2026-03-03', 'huangpu.manager')).body.days).toEqual([
      { date: '2026-03-03', created: 0, completed: 0, openAtEnd: 2, met: 0, breached: 0 },
    ]);
    expect((await get('/api/v1/monitor/series?from=2026-03-02&to=2026-03-02', 'xuhui.manager')).body.days).toEqual([
      { date: '2026-03-02', created: 2, completed: 1, openAtEnd: 1, met: 1, breached: 0 },
    ]);
    expect((await get('/api/v1/monitor/series?from=2026-03-02&to=2026-03-02', 'huangpu.market')).body.days).toEqual([
      { date: '2026-03-02', created: 2, completed: 1, openAtEnd: 1, met: 1, breached: 0 },
    ]);
  });

  it('covers the last 30 days up to today on the runtime clock by default', async () => {
    const days = (await get('/api/v1/monitor/series', 'huangpu.manager')).body.days as { date: string }[];
    expect(days).toHaveLength(30);
    expect(days.at(-1)?.date).toBe('2026-03-04');
    expect(days[0]?.date).toBe('2026-02-03');
    expect((await get('/api/v1/monitor/series?to=2026-03-02', 'huangpu.manager')).body.days[0].date).toBe('2026-02-01');
  });

  it('names the bound it cannot accept', async () => {
    expectInvalidInput(await get('/api/v1/monitor/series?from=2026-02-30&to=2026-03-02', 'huangpu.manager'), 'query.from');
    expectInvalidInput(await get('/api/v1/monitor/series?from=2026/03/01', 'huangpu.manager'), 'query.from');
    expectInvalidInput(await get('/api/v1/monitor/series?from=2026-03-05&to=2026-03-01', 'huangpu.manager'), 'query.to');
    expectInvalidInput(await get('/api/v1/monitor/series?from=9999-12-30&to=9999-12-31', 'huangpu.manager'), 'query.from');
    expectInvalidInput(await get('/api/v1/monitor/series?to=9999-12-31', 'huangpu.manager'), 'query.to');
    expectInvalidInput(await get('/api/v1/monitor/series?from=0001-01-01&to=0001-01-02', 'huangpu.manager'), 'query.from');
    expectInvalidInput(await get('/api/v1/monitor/series?from=2025-01-01&to=2026-03-01', 'huangpu.manager'), 'query.to');
    expect((await get('/api/v1/monitor/series?from=2025-03-01&to=2026-02-28', 'huangpu.manager')).status).toBe(200);
  });

  it('refuses a default range that would end before its start', async () => {
    const response = await get('/api/v1/monitor/series?from=2026-04-01', 'huangpu.manager');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'invalid-series-range', details: { field: 'to' } });
  });

  it('answers 401 without a token and 403 to the portal key', async () => {
    expect((await client.send('GET', '/api/v1/monitor/series')).status).toBe(401);
    expect((await client.send('GET', '/api/v1/monitor/series', undefined, { apiKey: PORTAL_KEY })).status).toBe(403);
  });
});
