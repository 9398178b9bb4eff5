import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testRedis } from './index.ts';

describe('the integration-test harness', () => {
  it('gives each caller a database of its own, migrated and seeded', async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    try {
      expect(first.name).not.toBe(second.name);
      await first.sql`delete from users where username = 'admin'`;
      const [inFirst] = await first.sql`select count(*)::int as n from users where username = 'admin'`;
      const [inSecond] = await second.sql`select count(*)::int as n from users where username = 'admin'`;
      expect([inFirst!.n, inSecond!.n]).toEqual([0, 1]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('drops the database on close', async () => {
    const database = await createTestDatabase();
    await database.close();
    const other = await createTestDatabase();
    try {
      const rows = await other.sql`select 1 from pg_database where datname = ${database.name}`;
      expect(rows).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('gives a reachable Redis that evicts nothing, and a different prefix to each caller', async () => {
    const first = testRedis();
    expect(testRedis().prefix).not.toBe(first.prefix);
    const redis = new Redis(first.url, { maxRetriesPerRequest: 1 });
    try {
      expect(await redis.ping()).toBe('PONG');
      if (process.env.REDIS_URL === undefined) {
        expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      }
    } finally {
      redis.disconnect();
    }
  });
});
