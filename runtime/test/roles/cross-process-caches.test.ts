import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../src/clock/index.ts';
import { createDb, type DbHandle } from '../../src/db/client.ts';
import { departments, tasks, users } from '../../src/db/schema/index.ts';
import { publishDefinition } from '../../src/definitions/index.ts';
import type { Viewer } from '../../src/organisation/index.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';
import { createTestDatabase, testRedis, type TestDatabase } from '../support/index.ts';

// Two runtimes on one database, each with a pool of its own, as two processes would be: what one
// changes, the other must see, also when the change was made while its listener was away.

const PORTAL: Viewer = { kind: 'apiKey', roles: [] };
const quiet = { info: () => undefined, error: () => undefined };

let database: TestDatabase;
let second: DbHandle;
let a: Runtime;
let b: Runtime;
let admin: Viewer;

beforeAll(async () => {
  database = await createTestDatabase();
  second = createDb(database.url, { max: 5, applicationName: 'tongban-second' });
  const redis = testRedis();
  a = await createRuntime({ db: database.db, redisUrl: redis.url, queuePrefix: redis.prefix, clock: systemClock, logger: quiet });
  b = await createRuntime({ db: second.db, redisUrl: redis.url, queuePrefix: redis.prefix, clock: systemClock, logger: quiet });
  const definition = JSON.parse(await readFile(new URL('../execution/fixtures/extension-permit.json', import.meta.url), 'utf8'));
  await publishDefinition(database.db, definition, { publishedBy: null, now: new Date() });
  const [row] = await database.db.select({ user: users, department: departments }).from(users).innerJoin(departments, eq(departments.id, users.departmentId)).where(eq(users.username, 'admin'));
  admin = { kind: 'user', userId: row!.user.id, username: 'admin', departmentId: row!.department.id, departmentKind: row!.department.kind, jurisdictionId: row!.department.jurisdictionId, roles: row!.user.roles };
}, 120_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await second?.close();
  await database?.close();
});

async function eventually(condition: () => Promise<boolean>, failure: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function fileThroughB(jurisdiction = 'sh-huangpu-nanjing-east') {
  const { case: filed } = await b.createCase({ definitionKey: 'extension-permit', jurisdiction, applicant: { name: '周十四' }, data: {}, actor: PORTAL });
  return filed;
}

async function reviewTaskName(caseId: string): Promise<string> {
  const [task] = await database.db.select().from(tasks).where(and(eq(tasks.caseId, caseId), eq(tasks.nodeId, 'review')));
  return task!.name;
}

/** The backend of the second runtime's listener: the connection that ran `LISTEN`. */
async function listenerPid(): Promise<number | undefined> {
  const [row] = await database.sql<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = current_database() and application_name = 'tongban-second' and query ilike 'listen%'`;
  return row?.pid;
}

const hasCalendar = async (runtime: Runtime, key: string) => (await runtime.listCalendars()).some((c) => c.key === key);

describe('what a process caches', () => {
  it('is seen by another process once one process changes a calendar or the organisation', async () => {
    await eventually(async () => (await listenerPid()) !== undefined, 'the second runtime never listened');
    expect(await hasCalendar(b, 'caches-test')).toBe(false);
    expect((await fileThroughB()).calendarKey).toBe('cn-mainland');

    await a.putCalendar('caches-test', { name: '缓存测试日历（测试数据）', base: 'cn-mainland', adjustments: [{ date: '2026-03-04', working: false, reason: 'test data' }] }, admin);
    await eventually(() => hasCalendar(b, 'caches-test'), 'the second runtime never saw the new calendar');

    await a.setJurisdictionCalendar('sh-huangpu', 'caches-test');
    await eventually(async () => (await fileThroughB()).calendarKey === 'caches-test', 'the second runtime never saw the jurisdiction move to the new calendar');
  });

  it('is seen by another process once a published definition is rewritten in the database', async () => {
    expect(await reviewTaskName((await fileThroughB('sh-xuhui-tianping')).id)).toBe('审查');
    await database.sql`
      update workflow_definitions set definition = jsonb_set(definition::jsonb, '{nodes,1,name}', '"审查（更正）"')::json
      where key = 'extension-permit' and definition #>> '{nodes,1,id}' = 'review'`;
    await eventually(async () => (await reviewTaskName((await fileThroughB('sh-xuhui-tianping')).id)) === '审查（更正）', 'the second runtime kept the definition as it was');
  });

  it('is read anew after the listener reconnects, so a change made while it was away is seen', async () => {
    await eventually(async () => (await listenerPid()) !== undefined, 'the second runtime is not listening');
    expect(await hasCalendar(b, 'caches-away')).toBe(false);
    // Refuse new connections to the database, so the listener stays away until they are allowed again.
    const server = postgres(inject('tongbanAdminDatabaseUrl'), { max: 1, onnotice: () => undefined });
    const session = await database.sql.reserve();
    try {
      await server.unsafe(`alter database "${database.name}" allow_connections false`);
      const pid = await listenerPid();
      await session`select pg_terminate_backend(${pid!})`;
      await eventually(async () => (await listenerPid()) === undefined, 'the listener was not cut');
      await session`
        insert into calendars (key, name, base_key, data, version, updated_at)
        values ('caches-away', '离线变更日历（测试数据）', 'cn-mainland',
          ${JSON.stringify({ key: 'caches-away', name: '离线变更日历（测试数据）', adjustments: [] })}::jsonb, 1, now())`;
      // The change was announced while nobody of the second runtime listened: it is lost.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await listenerPid()).toBeUndefined();
      expect(await hasCalendar(b, 'caches-away')).toBe(false);
    } finally {
      await server.unsafe(`alter database "${database.name}" allow_connections true`);
      await server.end();
      session.release();
    }
    await eventually(() => hasCalendar(b, 'caches-away'), 'the second runtime never read the calendars again after reconnecting', 30_000);
    expect(await listenerPid()).toBeDefined();
  });
});
