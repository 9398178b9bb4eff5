import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidInput, itRejectsBadBodies } from './support/body-rejection-suite.ts';
import { fileCase } from './support/case-helpers.ts';
import { MONDAY_MORNING, PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';
import { rowCounts } from './support/row-counts.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let token: string;
let managerToken: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('http-permit');
  token = await client.login('admin');
  managerToken = await client.login('city.manager');
});

afterAll(async () => {
  await harness.close();
});

const advance = (body: unknown) => client.send('POST', '/api/v1/clock/advance', body, { token });

describe('GET /clock', () => {
  it('answers the virtual clock’s instant to any signed-in user', async () => {
    const response = await client.send('GET', '/api/v1/clock', undefined, { token: managerToken });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ now: MONDAY_MORNING.toISOString(), virtual: true });
  });
});

describe('POST /clock/advance', () => {
  it('moves the clock to an instant with an offset', async () => {
    const response = await advance({ to: '2026-03-02T10:30:00+08:00' });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ now: '2026-03-02T02:30:00.000Z', fired: [] });
    expect((await client.send('GET', '/api/v1/clock', undefined, { token })).body.now).toBe('2026-03-02T02:30:00.000Z');
  });

  it('moves the clock by working days and fires the limits that came due', async () => {
    const filed = await fileCase(client, { apiKey: PORTAL_KEY });
    const response = await advance({ by: { amount: 2, unit: 'workingDay' } });
    expect(response.status, response.text).toBe(200);
    expect(new Date(response.body.now).getTime()).toBeGreaterThan(new Date('2026-03-03T16:00:00.000Z').getTime());
    expect(response.body.fired).toContainEqual(expect.objectContaining({ caseId: filed.body.id, kind: 'taskBreach' }));
  });

  it('answers 400 to an instant before now, leaving the clock where it was', async () => {
    const before = (await client.send('GET', '/api/v1/clock', undefined, { token })).body.now;
    const response = await advance({ to: '2026-01-01T00:00:00+08:00' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.field).toBe('to');
    expect((await client.send('GET', '/api/v1/clock', undefined, { token })).body.now).toBe(before);
  });

  it('names the field it cannot read, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    expectInvalidInput(await advance({ to: 'next monday' }), 'body.to');
    expectInvalidInput(await advance({ to: '2026-03-09T09:00:00' }), 'body.to');
    expectInvalidInput(await advance({ by: { amount: -1, unit: 'workingDay' } }), 'body.by.amount');
    expectInvalidInput(await advance({ by: { amount: 1, unit: 'fortnight' } }), 'body.by.unit');
    expectInvalidInput(await advance({ by: { amount: '1', unit: 'hour' } }), 'body.by.amount');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 400 naming by.amount to a working duration the calendar cannot count, leaving the clock where it was', async () => {
    const before = (await client.send('GET', '/api/v1/clock', undefined, { token })).body.now;
    for (const by of [{ amount: 2.220446049250319e-16, unit: 'workingDay' }, { amount: 0.5, unit: 'workingDay' }, { amount: 100_000, unit: 'workingDay' }]) {
      const response = await advance({ by });
      expect(response.status, response.text).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'invalid-clock-target', details: { field: 'by.amount' } });
    }
    expect((await client.send('GET', '/api/v1/clock', undefined, { token })).body.now).toBe(before);
  });

  it('asks for exactly one of to and by', async () => {
    const neither = await advance({});
    expectInvalidInput(neither, 'body');
    expect(neither.body.error.message).toContain("exactly one of 'to' and 'by'");
    expectInvalidInput(await advance({ to: '2026-03-20T09:00:00+08:00', by: { amount: 1, unit: 'hour' } }), 'body');
  });

  it('answers 401 without a token', async () => {
    expect((await client.send('POST', '/api/v1/clock/advance', { by: { amount: 1, unit: 'hour' } })).status).toBe(401);
  });

  it('answers 403 role-required to every user but an admin, leaving the clock where it was', async () => {
    const before = (await client.send('GET', '/api/v1/clock', undefined, { token })).body.now;
    for (const username of ['city.manager', 'huangpu.manager', 'city.supervisor', 'huangpu.market', 'designer']) {
      const refused = await client.send('POST', '/api/v1/clock/advance', { by: { amount: 1, unit: 'hour' } }, { token: await client.login(username) });
      expect(refused.status, `${username}: ${refused.text}`).toBe(403);
      expect(refused.body.error.code).toBe('role-required');
      expect(refused.body.error.details.roles).toEqual(['admin']);
    }
    const portal = await client.send('POST', '/api/v1/clock/advance', { by: { amount: 1, unit: 'hour' } }, { apiKey: PORTAL_KEY });
    expect(portal.status).toBe(403);
    expect((await client.send('GET', '/api/v1/clock', undefined, { token })).body.now).toBe(before);
  });

  describe('with a body that is not a JSON object within the limit', () => {
    itRejectsBadBodies(() => ({
      client,
      sql: harness.database.sql,
      method: 'POST',
      path: '/api/v1/clock/advance',
      options: { token },
      maxBodyBytes: 1_048_576,
    }));
  });
});

describe('the clock of a runtime on the system clock', () => {
  let system: HttpHarness;
  let systemToken: string;

  beforeAll(async () => {
    system = await startHttp({ virtual: false });
    systemToken = await system.client.login('admin');
  });

  afterAll(async () => {
    await system.close();
  });

  it('reads as not virtual', async () => {
    const response = await system.client.send('GET', '/api/v1/clock', undefined, { token: systemToken });
    expect(response.body.virtual).toBe(false);
  });

  it('cannot be advanced: 404 clock-not-virtual, writing nothing', async () => {
    const before = await rowCounts(system.database.sql);
    const response = await system.client.send('POST', '/api/v1/clock/advance', { by: { amount: 1, unit: 'hour' } }, { token: systemToken });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('clock-not-virtual');
    expect(await rowCounts(system.database.sql)).toEqual(before);
  });
});
