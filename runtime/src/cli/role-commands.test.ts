import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTongban, testRedis, waitForUrl } from '../../test/support/index.ts';
import type { TestDatabase } from '../../test/support/index.ts';
import { runCli } from './run-cli.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('tongban start', () => {
  it('serves the API on the given databases until SIGTERM, then exits with code 0', async () => {
    const redis = testRedis();
    const child = startTongban(['start', '--port', '0', '--virtual-clock'], {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      TONGBAN_QUEUE_PREFIX: redis.prefix,
    });
    try {
      const url = await waitForUrl(child);
      await child.waitFor(/Intake API key/);
      const output = child.output();
      expect(output).toContain('Clock: virtual');
      expect(output).toMatch(/Demo logins, password tongban123/);
      expect(output).toMatch(/huangpu\.intake \(clerk\)/);
      const openapi = await fetch(`${url}/api/openapi.json`);
      expect(openapi.status).toBe(200);
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'city.manager', password: 'tongban123' }),
      });
      expect(login.status).toBe(200);
      const [published] = await database.sql<{ n: number }[]>`select count(*)::int as n from workflow_definitions`;
      expect(published!.n).toBeGreaterThan(0);
      child.kill('SIGTERM');
      expect(await child.exited).toEqual({ code: 0, signal: null });
      expect(child.output()).toContain('SIGTERM: shutting down');
    } finally {
      await child.ensureStopped();
    }
  }, 90_000);
});

describe('the tongban command line', () => {
  it('logs an unusable setting as one JSON line with its code and exits with code 1 before starting anything', async () => {
    const result = await runCli(['start', '--port', '0'], { env: { ...process.env, TONGBAN_SHUTDOWN_GRACE_MS: '25s' } });
    expect(result.code).toBe(1);
    const [line] = result.stdout.trim().split('\n').map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(line).toEqual(expect.objectContaining({ level: 60, role: 'start', code: 'invalid-config' }));
    expect(line!.msg).toMatch(/^tongban start did not start: TONGBAN_SHUTDOWN_GRACE_MS must be a number of milliseconds/);
    expect(result.stderr).toBe('');
  }, 60_000);
});
