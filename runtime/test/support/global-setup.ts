import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { startEmbeddedPostgres } from '../../src/infra/postgres.ts';
import { startLocalRedis } from '../../src/infra/redis.ts';
import { seedDemoUsers } from '../../src/seed/seed-demo-users.ts';
import { seedOrganisation } from '../../src/seed/seed-organisation.ts';
import { withDatabase } from './database-url.ts';
import './provided-context.ts';

/**
 * vitest global setup of the runtime: one PostgreSQL (embedded, in a temporary folder, fsync off;
 * or the server of `DATABASE_URL`) and one Redis (`redis-server` on a free port, or `REDIS_URL`) for
 * the whole run, and a template database, migrated and seeded with the demo organisation and users,
 * that `createTestDatabase()` copies for each test file. Returns the teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const cleanups: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    let adminUrl = process.env.DATABASE_URL;
    if (adminUrl === undefined || adminUrl === '') {
      const baseDir = await mkdtemp(path.join(tmpdir(), 'tongban-test-pg-'));
      cleanups.push(() => rm(baseDir, { recursive: true, force: true }));
      await chmod(baseDir, 0o755);
      const server = await startEmbeddedPostgres({
        dataDir: path.join(baseDir, 'postgres'),
        durable: false,
        maxConnections: 300,
      });
      cleanups.push(() => server.stop());
      adminUrl = server.url();
    }
    let redisUrl = process.env.REDIS_URL;
    if (redisUrl === undefined || redisUrl === '') {
      const redis = await startLocalRedis();
      cleanups.push(() => redis.stop());
      redisUrl = redis.url;
    }

    const template = `tongban_template_${randomBytes(4).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database "${template}"`);
    await admin.end();
    cleanups.push(async () => {
      const client = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      await client.unsafe(`drop database if exists "${template}" with (force)`);
      await client.end();
    });
    const templateUrl = withDatabase(adminUrl, template);
    await migrateDatabase(templateUrl);
    const handle = createDb(templateUrl, { max: 1 });
    await seedOrganisation(handle.db);
    await seedDemoUsers(handle.db);
    await handle.close();

    project.provide('tongbanAdminDatabaseUrl', adminUrl);
    project.provide('tongbanTemplateDatabase', template);
    project.provide('tongbanRedisUrl', redisUrl);
    if (process.env.TONGBAN_TEST_TIMING === '1') {
      console.log(`test harness ready in ${Date.now() - started} ms`);
    }
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
