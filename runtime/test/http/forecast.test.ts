import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FORECAST_BUDGET, FORECAST_RETRY_AFTER_SECONDS } from '../../src/forecast/index.ts';
import { expectInvalidInput } from './support/body-rejection-suite.ts';
import { fileCase, openTaskAt } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let manager: string;
let otherManager: string;
let market: string;
const MARKET = 'sh-huangpu-market-regulation';
/** A forecast that keeps its worker thread busy for a while: 60 working days, 2,000 runs, twice. */
const LONG_FORECAST = { horizonDays: 60, runs: 2_000, seed: 5, whatIf: { clerks: { [MARKET]: -1 } } };

const forecast = (body: unknown, token = manager) => client.send('POST', '/api/v1/monitor/forecast', body, { token });
const withoutTiming = ({ elapsedMs: _elapsed, ...rest }: Record<string, unknown>) => rest;

/** A digest of every row of the tables a case, a task or the clock writes to. */
async function digest(): Promise<string> {
  const rows = await harness.database.db.execute<{ digest: string }>(sql`
    select md5(string_agg(row, '|' order by row)) as digest from (
      select c::text as row from cases c union all select t::text from tasks t union all select e::text from case_events e
      union all select r::text from timers r union all select o::text from outbox o union all select n::text from notifications n
      union all select k::text from virtual_clock k
    ) as everything`);
  return [...rows][0]?.digest ?? '';
}

beforeAll(async () => {
  harness = await startHttp({ forecastBudget: { ...DEFAULT_FORECAST_BUDGET, concurrency: 1 } });
  client = harness.client;
  await harness.publish('http-permit');
  const intake = await client.login('huangpu.intake');
  market = await client.login('huangpu.market');
  manager = await client.login('huangpu.manager');
  otherManager = await client.login('xuhui.manager');
  const admin = await client.login('admin');
  for (const receiptNo of ['F-1', 'F-2', 'F-3']) {
    const filed = await fileCase(client, { apiKey: PORTAL_KEY });
    const task = await openTaskAt(client, intake, filed.body.id, 'intake');
    await client.send('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: 'approve', data: { receiptNo } }, { token: intake });
  }
  const moved = await client.send('POST', '/api/v1/clock/advance', { by: { amount: 6, unit: 'workingDay' } }, { token: admin });
  expect(moved.status, moved.text).toBe(200);
  await fileCase(client, { apiKey: PORTAL_KEY });
}, 120_000);

afterAll(async () => {
  await harness.close();
});

describe('POST /monitor/forecast', () => {
  it('gives each open task of the manager’s jurisdiction a breach probability, an overdue one certain, and ranks the departments', async () => {
    const answer = await forecast({ horizonDays: 5, runs: 50, seed: 7 });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ seed: 7, runs: 50, horizonDays: 5, openCases: 4 });
    expect(answer.body.tasks).toHaveLength(4);
    for (const task of answer.body.tasks) {
      expect(task.breachProbability).toBeGreaterThanOrEqual(0);
      expect(task.breachProbability).toBeLessThanOrEqual(1);
    }
    const overdue = answer.body.tasks.filter((t: { overdue: boolean }) => t.overdue);
    expect(overdue).toHaveLength(3);
    expect(overdue.map((t: { breachProbability: number }) => t.breachProbability)).toEqual([1, 1, 1]);
    expect(answer.body.tasks[0].departmentId).toBe(MARKET);
    const expected = answer.body.departments.map((d: { expectedBreaches: number }) => d.expectedBreaches);
    expect(expected).toEqual([...expected].sort((a, b) => b - a));
    expect(answer.body.departments[0]).toMatchObject({ departmentId: MARKET, source: 'profile' });
    expect(answer.body.profileDepartments).toContain(MARKET);
    expect(answer.body.note).toMatch(/simulation profile stands in/);
  });

  it('answers the same for the same seed on the same state', async () => {
    const first = await forecast({ horizonDays: 5, runs: 30, seed: 3 });
    const second = await forecast({ horizonDays: 5, runs: 30, seed: 3 });
    expect(withoutTiming(second.body)).toEqual(withoutTiming(first.body));
  });

  it('runs a what-if beside the forecast: the market bureau without clerks breaches more', async () => {
    const answer = await forecast({ horizonDays: 5, runs: 50, seed: 7, whatIf: { clerks: { [MARKET]: -10 }, closures: [{ departmentId: 'sh-huangpu-service-hall', day: 1 }] } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.whatIfExpectedBreaches).toBeGreaterThanOrEqual(answer.body.expectedBreaches);
    const market = answer.body.departments.find((d: { departmentId: string }) => d.departmentId === MARKET);
    expect(market.whatIf.clerks).toBe(0);
    expect(answer.body.tasks.every((t: { whatIfBreachProbability?: number }) => typeof t.whatIfBreachProbability === 'number')).toBe(true);
  });

  it('leaves every row of the database as it was', async () => {
    const before = await digest();
    const answer = await forecast({ horizonDays: 10, runs: 100, seed: 11, whatIf: { clerks: { [MARKET]: 3 } } });
    expect(answer.status, answer.text).toBe(200);
    expect(await digest()).toBe(before);
  });

  it('sees only the cases of the manager’s own jurisdiction', async () => {
    const answer = await forecast({ horizonDays: 5, runs: 10, seed: 1 }, otherManager);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.tasks).toEqual([]);
  });

  it('refuses a clerk', async () => {
    const answer = await forecast({ horizonDays: 5, runs: 10, seed: 1 }, market);
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('role-required');
  });

  it('answers other requests while a forecast is computed: the runs go to a worker thread, off the event loop', async () => {
    const answered: string[] = [];
    const computing = forecast(LONG_FORECAST).then((answer) => {
      answered.push('forecast');
      return answer;
    });
    for (let i = 0; i < 5; i += 1) {
      const me = await client.send('GET', '/api/v1/me', undefined, { token: otherManager });
      expect(me.status, me.text).toBe(200);
      answered.push('me');
    }
    const done = await computing;
    expect(done.status, done.text).toBe(200);
    expect(answered).toEqual(['me', 'me', 'me', 'me', 'me', 'forecast']);
  });

  it('refuses a forecast asked while another is computed: 503 forecast-busy, with when to try again', async () => {
    const answers = await Promise.all([forecast(LONG_FORECAST), forecast({ horizonDays: 5, runs: 10, seed: 1 }, otherManager)]);
    const refused = answers.filter((a) => a.status === 503);
    expect(answers.map((a) => a.status).sort(), answers.map((a) => a.text).join('\n')).toEqual([200, 503]);
    expect(refused[0]?.body.error).toMatchObject({ code: 'forecast-busy', details: { concurrency: 1, retryAfterSeconds: FORECAST_RETRY_AFTER_SECONDS } });
    expect(refused[0]?.headers.get('Retry-After')).toBe(String(FORECAST_RETRY_AFTER_SECONDS));
  });

  it('names the field it cannot read, and an unknown department of a what-if', async () => {
    expectInvalidInput(await forecast({ horizonDays: 0, runs: 10, seed: 1 }), 'body.horizonDays');
    expectInvalidInput(await forecast({ horizonDays: 5, runs: 10, seed: 1, whatIf: { closures: [{ departmentId: MARKET, day: 0 }] } }), 'body.whatIf.closures.0.day');
    const unknown = await forecast({ horizonDays: 5, runs: 10, seed: 1, whatIf: { clerks: { 'no-such-department': 1 } } });
    expect(unknown.status, unknown.text).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'unknown-department', details: { field: 'whatIf.clerks.no-such-department', departmentId: 'no-such-department' } });
  });

  it('refuses a what-if on a department outside the manager’s jurisdiction with 403, naming the field and the department', async () => {
    const plain = await forecast({ horizonDays: 5, runs: 10, seed: 1 });
    expect(plain.body.departments.find((d: { departmentId: string }) => d.departmentId === MARKET)).toMatchObject({ inScope: true });
    const clerks = await forecast({ horizonDays: 5, runs: 10, seed: 1, whatIf: { clerks: { [MARKET]: 1, 'sh-xuhui-market-regulation': 5 } } });
    expect(clerks.status, clerks.text).toBe(403);
    expect(clerks.body.error).toMatchObject({
      code: 'department-out-of-scope',
      details: { field: 'whatIf.clerks.sh-xuhui-market-regulation', reason: 'out-of-scope', departmentId: 'sh-xuhui-market-regulation' },
    });
    const closures = await forecast({ horizonDays: 5, runs: 10, seed: 1, whatIf: { closures: [{ departmentId: MARKET, day: 1 }] } }, otherManager);
    expect(closures.status, closures.text).toBe(403);
    expect(closures.body.error).toMatchObject({ code: 'department-out-of-scope', details: { field: 'whatIf.closures[0].departmentId', departmentId: MARKET } });
  });
});
