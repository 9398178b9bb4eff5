import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidInput, itRejectsBadBodies } from './support/body-rejection-suite.ts';
import { startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';
import { rowCounts } from './support/row-counts.ts';

const NOTICE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'execution', 'fixtures', 'hypothetical-2027-notice.json');

let harness: HttpHarness;
let client: HttpTestClient;
let admin: string;
let clerk: string;
let notice: Record<string, unknown>;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  admin = await client.login('admin');
  clerk = await client.login('huangpu.market');
  notice = JSON.parse(await readFile(NOTICE_FILE, 'utf8'));
});

afterAll(async () => {
  await harness.close();
});

/** Sends `body` and expects `status` with error `code` naming `field`, nothing written. */
async function expectRefused(method: string, url: string, body: unknown, status: number, code: string, field?: string) {
  const before = await rowCounts(harness.database.sql);
  const response = await client.send(method, url, body, { token: admin });
  expect(response.status, response.text).toBe(status);
  expect(response.body.error.code).toBe(code);
  if (field !== undefined) expect(response.body.error.details.field).toBe(field);
  expect(await rowCounts(harness.database.sql)).toEqual(before);
  return response;
}

describe('GET /calendars', () => {
  it('lists the built-in national calendar with its notices and the jurisdiction that names it', async () => {
    const response = await client.send('GET', '/api/v1/calendars', undefined, { token: clerk });
    expect(response.status).toBe(200);
    const national = response.body.items.find((c: { key: string }) => c.key === 'cn-mainland');
    expect(national).toMatchObject({ origin: 'builtIn', base: null, timeZone: 'Asia/Shanghai', jurisdictions: ['sh'] });
    expect(national.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
    expect(national.workingHours).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
  });

  it('answers 404 naming the known calendars for a key nobody defined, and 401 without a token', async () => {
    const missing = await client.send('GET', '/api/v1/calendars/cn-atlantis', undefined, { token: clerk });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'calendar-not-found' });
    expect(missing.body.error.message).toContain("'cn-atlantis'");
    expect(missing.body.error.message).toContain('cn-mainland');
    expect((await client.send('GET', '/api/v1/calendars')).status).toBe(401);
    expectInvalidInput(await client.send('GET', '/api/v1/calendars/Not_Kebab', undefined, { token: clerk }), 'path.key');
  });
});

describe('PUT /calendars/{key}/notices/{year}', () => {
  it('loads a year only for admins: 403 to a clerk, nothing written', async () => {
    const before = await rowCounts(harness.database.sql);
    const response = await client.send('PUT', '/api/v1/calendars/cn-mainland/notices/2027', notice, { token: clerk });
    expect(response.status).toBe(403);
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('refuses a notice for another year than the path, naming the field', async () => {
    await expectRefused('PUT', '/api/v1/calendars/cn-mainland/notices/2028', notice, 400, 'year-mismatch', 'year');
  });

  it('refuses a make-up working day on a weekday, naming the field inside the notice', async () => {
    const wrong = { ...notice, holidays: [{ name: '元旦', daysOff: { from: '2027-01-01', to: '2027-01-01' }, makeUpWorkdays: ['2027-01-04'] }] };
    const response = await expectRefused('PUT', '/api/v1/calendars/cn-mainland/notices/2027', wrong, 400, 'invalid-calendar', 'holidays[0].makeUpWorkdays[0]');
    expect(response.body.error.message).toContain('2027-01-04 is a Monday');
  });

  it('refuses a notice without its source, naming the field', async () => {
    const { source: _source, ...bare } = notice;
    const before = await rowCounts(harness.database.sql);
    expectInvalidInput(await client.send('PUT', '/api/v1/calendars/cn-mainland/notices/2027', bare, { token: admin }), 'body.source');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('refuses a source that is not an http(s) address, naming the field', async () => {
    const before = await rowCounts(harness.database.sql);
    const script = { ...notice, source: { ...(notice.source as Record<string, unknown>), url: 'javascript:alert(1)' } };
    expectInvalidInput(await client.send('PUT', '/api/v1/calendars/cn-mainland/notices/2027', script, { token: admin }), 'body.source.url');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('loads the notice: the year is no longer provisional, and loading it again replaces it', async () => {
    const loaded = await client.send('PUT', '/api/v1/calendars/cn-mainland/notices/2027', notice, { token: admin });
    expect(loaded.status, loaded.text).toBe(200);
    expect(loaded.body.calendar.years.map((y: { year: number; loadedAtRunTime: boolean }) => [y.year, y.loadedAtRunTime])).toEqual([
      [2025, false],
      [2026, false],
      [2027, true],
    ]);
    expect(loaded.body.recount).toEqual({ cases: 0, changedCases: 0, timers: 0 });
    const again = await client.send('PUT', '/api/v1/calendars/cn-mainland/notices/2027', notice, { token: admin });
    expect(again.status).toBe(200);
    expect(again.body.calendar.years).toHaveLength(3);
  });

  describe('with a body that is not a JSON object within the limit', () => {
    itRejectsBadBodies(() => ({
      client,
      sql: harness.database.sql,
      method: 'PUT',
      path: '/api/v1/calendars/cn-mainland/notices/2027',
      options: { token: admin },
      maxBodyBytes: 1_048_576,
    }));
  });
});

describe('PUT /calendars/{key}', () => {
  it('defines a whole calendar of its own time zone and working hours', async () => {
    const whole = { name: '测试日历（测试数据）', timeZone: 'Asia/Urumqi', workingHours: [{ start: '10:00', end: '18:00' }], years: [notice] };
    const response = await client.send('PUT', '/api/v1/calendars/test-whole', whole, { token: admin });
    expect(response.status, response.text).toBe(200);
    expect(response.body.calendar).toMatchObject({ key: 'test-whole', origin: 'stored', base: null, timeZone: 'Asia/Urumqi', workingHours: [{ start: '10:00', end: '18:00' }] });
    expect(response.body.calendar.years.map((y: { year: number }) => y.year)).toEqual([2027]);
  });


  const override = { name: '示例区工作日历（测试数据）', base: 'cn-mainland', adjustments: [{ date: '2026-10-09', working: false, reason: 'test data' }] };

  it('defines an override of the national calendar, and a notice cannot be loaded into it', async () => {
    const response = await client.send('PUT', '/api/v1/calendars/example-district', override, { token: admin });
    expect(response.status, response.text).toBe(200);
    expect(response.body.calendar).toMatchObject({ key: 'example-district', origin: 'override', base: 'cn-mainland', version: 1 });
    expect(response.body.calendar.adjustments).toContainEqual({ date: '2026-10-09', working: false, reason: 'test data' });
    await expectRefused('PUT', '/api/v1/calendars/example-district/notices/2027', notice, 409, 'calendar-is-override');
  });

  it('refuses to replace a built-in calendar, a base nobody defined, and a date adjusted twice, naming the field', async () => {
    await expectRefused('PUT', '/api/v1/calendars/cn-mainland', override, 409, 'calendar-built-in');
    await expectRefused('PUT', '/api/v1/calendars/nowhere', { ...override, base: 'cn-atlantis' }, 400, 'calendar-base-invalid', 'base');
    const chain = await expectRefused('PUT', '/api/v1/calendars/chain', { ...override, base: 'example-district' }, 400, 'calendar-base-invalid', 'base');
    expect(chain.body.error.details.reason).toBe('is-override');
    expect(chain.body.error.message).toContain('bases: cn-mainland');
    const own = await expectRefused('PUT', '/api/v1/calendars/example-district', { ...override, base: 'example-district' }, 400, 'calendar-base-invalid', 'base');
    expect(own.body.error.details.reason).toBe('self');
    expectInvalidInput(await client.send('PUT', '/api/v1/calendars/mixed', { ...override, timeZone: 'Asia/Shanghai' }, { token: admin }), 'body.timeZone');
    expectInvalidInput(await client.send('PUT', '/api/v1/calendars/whole', { name: 'x', adjustments: [] }, { token: admin }), 'body.timeZone');
    expectInvalidInput(await client.send('PUT', '/api/v1/calendars/reasonless', { ...override, adjustments: [{ date: '2026-10-09', working: false }] }, { token: admin }), 'body.adjustments.0.reason');
    const twice = { ...override, adjustments: [...override.adjustments, { date: '2026-10-09', working: true, reason: 'again' }] };
    await expectRefused('PUT', '/api/v1/calendars/twice', twice, 400, 'invalid-calendar', 'adjustments[1].date');
    expectInvalidInput(await client.send('PUT', '/api/v1/calendars/hours', { ...override, workingHours: [{ start: '9', end: '17:00' }] }, { token: admin }), 'body.workingHours.0.start');
    expect((await client.send('GET', '/api/v1/calendars/twice', undefined, { token: admin })).status).toBe(404);
  });
});

describe('PUT /jurisdictions/{id}/calendar', () => {
  it('names the calendar of a district, refusing an unknown calendar or jurisdiction', async () => {
    const set = await client.send('PUT', '/api/v1/jurisdictions/sh-pudong/calendar', { calendar: 'cn-mainland' }, { token: admin });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toEqual({ id: 'sh-pudong', name: '浦东新区', calendarKey: 'cn-mainland' });
    const unknown = await client.send('PUT', '/api/v1/jurisdictions/sh-pudong/calendar', { calendar: 'cn-atlantis' }, { token: admin });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'calendar-not-found', details: { field: 'calendar' } });
    expect((await client.send('PUT', '/api/v1/jurisdictions/sh-nowhere/calendar', { calendar: null }, { token: admin })).status).toBe(404);
    expect((await client.send('PUT', '/api/v1/jurisdictions/sh-pudong/calendar', { calendar: null }, { token: clerk })).status).toBe(403);
    expectInvalidInput(await client.send('PUT', '/api/v1/jurisdictions/sh-pudong/calendar', {}, { token: admin }), 'body.calendar');
  });
});
