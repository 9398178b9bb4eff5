import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidInput } from './support/body-rejection-suite.ts';
import { fileCase, openTaskAt } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let market: string;
let otherMarket: string;
let cityManager: string;
let admin: string;
let citySupervisor: string;
const reviews: string[] = [];

const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);
const get = (path: string, token: string) => client.send('GET', path, undefined, { token });

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('http-permit');
  intake = await client.login('huangpu.intake');
  market = await client.login('huangpu.market');
  otherMarket = await client.login('xuhui.market');
  cityManager = await client.login('city.manager');
  admin = await client.login('admin');
  citySupervisor = await client.login('city.supervisor');
  for (const receiptNo of ['M-1', 'M-2']) {
    const filed = await fileCase(client, { apiKey: PORTAL_KEY });
    const task = await openTaskAt(client, intake, filed.body.id, 'intake');
    const accepted = await client.send('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: 'approve', data: { receiptNo } }, { token: intake });
    reviews.push(accepted.body.nextTasks[0].id);
  }
});

afterAll(async () => {
  await harness.close();
});

describe('GET /monitor/at-risk and /monitor/overdue', () => {
  it('list nothing of the new reviews on their first morning', async () => {
    expect(ids((await get('/api/v1/monitor/at-risk', market)).body)).not.toContain(reviews[0]);
    expect(ids((await get('/api/v1/monitor/overdue', market)).body)).not.toContain(reviews[0]);
  });

  it('list a review at risk once its promised limit has passed, in the department and the city', async () => {
    const moved = await client.send('POST', '/api/v1/clock/advance', { by: { amount: 3, unit: 'workingDay' } }, { token: admin });
    expect(moved.status, moved.text).toBe(200);
    const department = await get('/api/v1/monitor/at-risk', market);
    expect(department.status).toBe(200);
    expect(ids(department.body)).toEqual(expect.arrayContaining(reviews));
    expect(department.body.items[0]).toMatchObject({ slaState: 'atRisk', definitionKey: 'http-permit', caseJurisdictionId: 'sh-huangpu-nanjing-east' });
    expect(ids((await get('/api/v1/monitor/at-risk', cityManager)).body)).toEqual(expect.arrayContaining(reviews));
    expect(ids((await get('/api/v1/monitor/at-risk', otherMarket)).body)).toEqual([]);
  });

  it('page the list with limit and offset, keeping the total', async () => {
    const first = await get('/api/v1/monitor/at-risk?limit=1', market);
    const second = await get('/api/v1/monitor/at-risk?limit=1&offset=1', market);
    expect(first.body.items).toHaveLength(1);
    expect(second.body.items).toHaveLength(1);
    expect(first.body.total).toBe(2);
    expect(second.body.total).toBe(2);
    expect(new Set([...ids(first.body), ...ids(second.body)])).toEqual(new Set(reviews));
  });

  it('list a review overdue once its statutory limit has passed', async () => {
    const moved = await client.send('POST', '/api/v1/clock/advance', { by: { amount: 3, unit: 'workingDay' } }, { token: admin });
    expect(moved.status, moved.text).toBe(200);
    const overdue = await get('/api/v1/monitor/overdue', market);
    expect(ids(overdue.body)).toEqual(expect.arrayContaining(reviews));
    expect(overdue.body.items[0].slaState).toBe('overdue');
    expect(ids((await get('/api/v1/monitor/at-risk', market)).body)).toEqual([]);
  });

  it('name the query parameter they cannot read', async () => {
    expectInvalidInput(await get('/api/v1/monitor/overdue?limit=many', market), 'query.limit');
    expectInvalidInput(await get('/api/v1/monitor/at-risk?offset=-1', market), 'query.offset');
  });

  it('answer 401 without a token and 403 to the portal key', async () => {
    expect((await client.send('GET', '/api/v1/monitor/overdue')).status).toBe(401);
    expect((await client.send('GET', '/api/v1/monitor/overdue', undefined, { apiKey: PORTAL_KEY })).status).toBe(403);
  });
});

describe('GET /monitor/escalations', () => {
  it('shows the city supervisors the breaches of a district', async () => {
    const response = await get('/api/v1/monitor/escalations', citySupervisor);
    expect(response.status).toBe(200);
    const taskIds = response.body.items.map((item: { taskId: string | null }) => item.taskId);
    expect(taskIds).toEqual(expect.arrayContaining(reviews));
    expect(response.body.items[0]).toMatchObject({ kind: 'escalation', message: expect.any(String) });
  });
});

describe('GET /monitor/load', () => {
  it('counts the department’s open and overdue tasks', async () => {
    const response = await get('/api/v1/monitor/load', market);
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({ departmentId: 'sh-huangpu-market-regulation', open: 2, overdue: 2, atRisk: 0 }),
    ]);
  });
});
