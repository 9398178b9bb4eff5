import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/infra/config.ts';
import { readDatabaseFigures } from '../../src/metrics/index.ts';
import { createLogger } from '../../src/logging/index.ts';
import { Shutdown } from '../../src/roles/shutdown.ts';
import { startRole } from '../../src/roles/start-role.ts';
import { fileCase, openTaskAt } from '../http/support/case-helpers.ts';
import { createTestDatabase, testRedis, type TestDatabase } from '../support/index.ts';
import { PORTAL_KEY } from './support/quick-review.ts';
import { remoteClient } from './support/remote-client.ts';
import { sample, scrape } from '../support/prometheus-text.ts';

// tongban start on a test PostgreSQL and Redis, in this process, its log captured: the gauges of
// the whole system move as a case of quick-review moves, its review's statutory limit lengthened
// to 0.004 hour (14.4 s of elapsed time), long enough to read the timer pending on a loaded machine.
const REVIEW_KEY = 'metrics-review';
let database: TestDatabase;
let shutdown: Shutdown;
let url: string;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const redis = testRedis();
  const config = loadConfig({ DATABASE_URL: database.url, REDIS_URL: redis.url, TONGBAN_QUEUE_PREFIX: redis.prefix, TONGBAN_INTAKE_API_KEYS: PORTAL_KEY, PORT: '0' });
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter((l) => l !== '')) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  shutdown = new Shutdown({ graceMs: 20_000, log: createLogger({ role: 'start', level: 'silent' }), exit: () => undefined });
  const running = await startRole({ role: 'start', config, shutdown, log: createLogger({ role: 'start', level: 'debug', destination: capture }) });
  url = running.url as string;
}, 180_000);

afterAll(async () => {
  await shutdown?.run('end of test');
  await database?.close();
}, 60_000);

async function publishReview(client: ReturnType<typeof remoteClient>): Promise<void> {
  const definition = JSON.parse(await readFile(new URL('./fixtures/quick-review.json', import.meta.url), 'utf8')) as {
    key: string;
    nodes: { id: string; sla?: { statutory: { amount: number } } }[];
  };
  definition.key = REVIEW_KEY;
  definition.nodes.find((node) => node.id === 'review')!.sla!.statutory.amount = 0.004;
  const published = await client.send('POST', '/api/v1/definitions', definition, { token: await client.login('designer') });
  expect(published.status).toBe(201);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('/metrics of tongban start', () => {
  it('moves the queue, timer and SLA gauges as a case is filed, its timer fires and its tasks are completed', async () => {
    const client = remoteClient(url);
    await publishReview(client);
    const before = await scrape(url);
    expect(sample(before, 'tongban_system_source_up', { source: 'postgres' })).toBe(1);
    expect(sample(before, 'tongban_system_source_up', { source: 'redis' })).toBe(1);
    const onTrackBefore = sample(before, 'tongban_open_tasks', { sla_state: 'onTrack' });
    const overdueBefore = sample(before, 'tongban_open_tasks', { sla_state: 'overdue' });
    const pendingBefore = sample(before, 'tongban_timers_pending');

    const filed = await fileCase(client, { apiKey: PORTAL_KEY }, {
      definitionKey: REVIEW_KEY,
      jurisdiction: 'sh-huangpu-nanjing-east',
      applicant: { name: '李四', phone: '13900000000' },
      data: {},
    });
    expect(filed.status).toBe(201);
    const caseId = filed.body.id as string;
    const intakeOpen = await scrape(url);
    expect(sample(intakeOpen, 'tongban_open_tasks', { sla_state: 'onTrack' })).toBe(onTrackBefore + 1);

    const clerk = await client.login('huangpu.intake');
    const intake = await openTaskAt(client, clerk, caseId, 'intake');
    const completed = await client.send('POST', `/api/v1/tasks/${intake.id}/complete`, { outcome: 'approve', data: {} }, { token: clerk });
    expect(completed.status).toBe(200);
    const review = await openTaskAt(client, clerk, caseId, 'review');

    // The review's breach timer: a pending row and a delayed job until it fires 14.4 s later.
    const armed = await scrape(url);
    expect(sample(armed, 'tongban_timers_pending')).toBe(pendingBefore + 1);
    expect(sample(armed, 'tongban_queue_jobs', { queue: 'timers', state: 'delayed' })).toBe(1);

    // Read as at an instant past its due time, it counts as overdue (what a scrape shows when the workers are behind).
    const later = await readDatabaseFigures(database.db, new Date(Date.now() + 3_600_000));
    expect(later.timersOverdue).toBe(later.timersPending);
    expect(later.timersOverdue).toBeGreaterThanOrEqual(1);

    const fired = await until(() => scrape(url), (text) => sample(text, 'tongban_open_tasks', { sla_state: 'overdue' }) === overdueBefore + 1, 'the review never turned overdue');
    expect(sample(fired, 'tongban_timers_pending')).toBe(pendingBefore);
    expect(sample(fired, 'tongban_timers_overdue')).toBe(0);
    expect(sample(fired, 'tongban_open_tasks', { sla_state: 'onTrack' })).toBe(onTrackBefore);
    expect(sample(fired, 'tongban_queue_jobs', { queue: 'timers', state: 'delayed' })).toBe(0);

    const reviewed = await client.send('POST', `/api/v1/tasks/${review.id}/complete`, { outcome: 'approve', data: {} }, { token: clerk });
    expect(reviewed.status).toBe(200);
    const closed = await scrape(url);
    expect(sample(closed, 'tongban_open_tasks', { sla_state: 'overdue' })).toBe(overdueBefore);
    expect(sample(closed, 'tongban_open_incidents')).toBe(0);
    expect(sample(closed, 'tongban_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);

    // The histograms: route templates, never the ids of the path.
    expect(sample(closed, 'tongban_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/tasks/:id/complete', status: '200' })).toBe(2);
    expect(sample(closed, 'tongban_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/cases/:id', status: '200' })).toBeGreaterThanOrEqual(2);
    const requestSeries = closed.split('\n').filter((line) => line.startsWith('tongban_http_request_duration_seconds'));
    expect(requestSeries.length).toBeGreaterThan(0);
    for (const id of [caseId, intake.id, review.id]) expect(requestSeries.some((line) => line.includes(id))).toBe(false);
    expect(sample(closed, 'tongban_case_step_duration_seconds_count', { kind: 'task', outcome: 'ok' })).toBe(2);
    expect(sample(closed, 'tongban_case_step_duration_seconds_count', { kind: 'case', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(closed, 'tongban_case_step_duration_seconds_count', { kind: 'new-case', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(closed, 'nodejs_eventloop_lag_seconds', { role: 'start' })).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('labels an unknown API path with the template of the route that refused it, not with the path', async () => {
    expect((await fetch(`${url}/api/v1/no-such/route-42`)).status).toBe(404);
    const text = await scrape(url);
    expect(sample(text, 'tongban_http_request_duration_seconds_count', { method: 'GET', route: '/api/*', status: '404' })).toBe(1);
    expect(text).not.toContain('route-42');
  }, 60_000);
});

describe('the request log of tongban start', () => {
  it('writes one JSON line per request with the X-Request-Id sent, the case id, route and status, and answers that id', async () => {
    const client = remoteClient(url);
    const filed = await fileCase(client, { apiKey: PORTAL_KEY, headers: { 'X-Request-Id': 'portal-filing-0001' } }, {
      definitionKey: REVIEW_KEY,
      jurisdiction: 'sh-huangpu-nanjing-east',
      applicant: { name: '王五', phone: '13700000000' },
      data: {},
    });
    expect(filed.status).toBe(201);
    expect(filed.headers.get('x-request-id')).toBe('portal-filing-0001');
    const clerk = await client.login('huangpu.intake');
    const detail = await client.send('GET', `/api/v1/cases/${filed.body.id as string}`, undefined, { token: clerk, headers: { 'X-Request-Id': 'console-detail-0002' } });
    expect(detail.status).toBe(200);

    const filing = logLines.filter((line) => line.requestId === 'portal-filing-0001');
    expect(filing).toEqual([
      expect.objectContaining({ msg: 'request', level: 30, role: 'start', method: 'POST', route: '/api/v1/cases', status: 201, caseId: filed.body.id }),
    ]);
    expect(logLines.filter((line) => line.requestId === 'console-detail-0002')).toEqual([
      expect.objectContaining({ msg: 'request', route: '/api/v1/cases/:id', status: 200, caseId: filed.body.id }),
    ]);
    expect(typeof filing[0]!.durationMs).toBe('number');
    expect(JSON.stringify(logLines)).not.toContain('13700000000');
  }, 60_000);

  it('makes a request id when the one sent is unusable, and answers and logs it for a refused request too', async () => {
    const response = await fetch(`${url}/api/v1/cases/no-such-case`, { headers: { 'X-Request-Id': 'not usable: spaces' } });
    expect(response.status).toBe(401);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logLines.filter((line) => line.requestId === id)).toEqual([
      expect.objectContaining({ route: '/api/v1/cases/:id', status: 401, caseId: 'no-such-case' }),
    ]);
  }, 60_000);

  it('logs the probes of /healthz, /readyz and /metrics at debug', async () => {
    const response = await fetch(`${url}/healthz`, { headers: { 'X-Request-Id': 'probe-0003' } });
    expect(response.status).toBe(200);
    expect(logLines.filter((line) => line.requestId === 'probe-0003')).toEqual([expect.objectContaining({ level: 20, route: '/healthz', status: 200 })]);
  }, 60_000);
});

describe('the start-up log of tongban start', () => {
  it('writes its ready line as JSON with the url, role, pid and version', () => {
    const ready = logLines.find((line) => line.msg === 'Tongban is ready');
    expect(ready).toEqual(expect.objectContaining({ level: 30, role: 'start', pid: process.pid, url, version: expect.stringMatching(/^\d+\.\d+\.\d+/), openapi: `${url}/api/openapi.json` }));
    expect(logLines.find((line) => line.msg === 'Demo logins, password tongban123')).toEqual(
      expect.objectContaining({ logins: expect.objectContaining({ huangpu: expect.stringContaining('huangpu.intake (clerk)') }) }),
    );
  });
});
