import { COUNTABLE_RANGE } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualClock } from '../../src/clock/index.ts';
import { fileCase, openTaskAt } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient, TestResponse } from './support/http-test-client.ts';
import { rowCounts } from './support/row-counts.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let admin: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('http-permit');
  admin = await client.login('admin');
});

afterAll(async () => {
  await harness.close();
});

const advance = (body: unknown) => client.send('POST', '/api/v1/clock/advance', body, { token: admin });
const now = async () => (await client.send('GET', '/api/v1/clock', undefined, { token: admin })).body.now as string;

function expectOutsideRange(response: TestResponse, field: string): void {
  expect(response.status, response.text).toBe(400);
  expect(response.body.error).toMatchObject({
    code: 'invalid-clock-target',
    details: { field, reason: 'outside-countable-range', range: { from: COUNTABLE_RANGE.from, to: COUNTABLE_RANGE.to } },
  });
}

describe('POST /clock/advance beyond what the calendars count', () => {
  it('is refused naming to or by, leaving the clock and every row as they were', async () => {
    const [clock, rows] = [await now(), await rowCounts(harness.database.sql)];
    expectOutsideRange(await advance({ to: '2100-01-01T00:00:00+08:00' }), 'to');
    expectOutsideRange(await advance({ to: '9999-12-31T00:00:00Z' }), 'to');
    expectOutsideRange(await advance({ by: { amount: 100_000, unit: 'calendarDay' } }), 'by');
    expectOutsideRange(await advance({ by: { amount: 20_000, unit: 'workingDay' } }), 'by');
    expect([await now(), await rowCounts(harness.database.sql)]).toEqual([clock, rows]);
  });

  it('is said in the route’s OpenAPI description', async () => {
    const document = (await client.send('GET', '/api/openapi.json')).body;
    const description = document.paths['/api/v1/clock/advance'].post.description as string;
    expect(description).toContain(COUNTABLE_RANGE.from);
    expect(description).toContain(COUNTABLE_RANGE.to);
    expect(description).toContain('outside-countable-range');
  });

  it('moves the clock to the last instant of the range, and no further', async () => {
    const response = await advance({ to: COUNTABLE_RANGE.to });
    expect(response.status, response.text).toBe(200);
    expect(response.body.now).toBe(COUNTABLE_RANGE.to);
    expectOutsideRange(await advance({ by: { amount: 1, unit: 'hour' } }), 'by');
    expectOutsideRange(await advance({ by: { amount: 1, unit: 'workingHour' } }), 'by');
    expectOutsideRange(await advance({ to: '2099-12-31T00:00:00.001Z' }), 'to');
    expect(await now()).toBe(COUNTABLE_RANGE.to);
  });
});

describe('a virtual clock an older version moved past the range', () => {
  let past: HttpHarness;
  let intake: string;
  let manager: string;
  let earlyCase: string;

  beforeAll(async () => {
    past = await startHttp();
    await past.publish('http-permit');
    intake = await past.client.login('huangpu.intake');
    manager = await past.client.login('admin');
    earlyCase = (await fileCase(past.client, { apiKey: PORTAL_KEY })).body.id;
  });

  afterAll(async () => {
    await past.close();
  });

  it('still lets cases be filed and read, and the inbox answer, two centuries on', async () => {
    await (past.clock as VirtualClock).set(new Date('2299-12-16T01:00:00Z'));
    const filed = await fileCase(past.client, { apiKey: PORTAL_KEY });
    expect(filed.status, filed.text).toBe(201);
    const inbox = await past.client.send('GET', '/api/v1/tasks?limit=200', undefined, { token: intake });
    expect(inbox.status, inbox.text).toBe(200);
    const early = await openTaskAt(past.client, intake, earlyCase, 'intake');
    expect(inbox.body.items.find((task: { id: string }) => task.id === early.id)).toMatchObject({ minutesLeft: null });
    const fresh = await openTaskAt(past.client, intake, filed.body.id, 'intake');
    expect(inbox.body.items.find((task: { id: string }) => task.id === fresh.id).minutesLeft).toBeGreaterThan(0);
    expect((await past.client.send('GET', `/api/v1/cases/${earlyCase}`, undefined, { token: manager })).status).toBe(200);
  });

  it('answers a filing whose deadline would fall past 9999 with 409 deadline-not-countable, and the inbox still', async () => {
    await (past.clock as VirtualClock).set(new Date('9999-12-30T00:00:00Z'));
    const before = await rowCounts(past.database.sql);
    const filed = await fileCase(past.client, { apiKey: PORTAL_KEY });
    expect(filed.status, filed.text).toBe(409);
    expect(filed.body.error.code).toBe('deadline-not-countable');
    expect(await rowCounts(past.database.sql)).toEqual(before);
    expect((await past.client.send('GET', '/api/v1/tasks?limit=200', undefined, { token: intake })).status).toBe(200);
  });

  it('moves no further', async () => {
    const response = await past.client.send('POST', '/api/v1/clock/advance', { by: { amount: 1, unit: 'hour' } }, { token: manager });
    expectOutsideRange(response, 'by');
  });
});
