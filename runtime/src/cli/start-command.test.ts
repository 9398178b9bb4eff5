import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testRedis } from '../../test/support/index.ts';
import type { TestDatabase } from '../../test/support/index.ts';
import { tongbanBin } from './run-cli.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('tongban start', () => {
  it('serves the API on the given databases until SIGTERM, then exits with code 0', async () => {
    const child = spawn(process.execPath, [tongbanBin, 'start', '--port', '0', '--virtual-clock'], {
      env: { ...process.env, DATABASE_URL: database.url, REDIS_URL: testRedis().url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match && output.includes('Intake API key')) resolve(match[1]!);
      });
      void exited.then(() => reject(new Error(`tongban start exited early:\n${output}`)));
    });
    try {
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
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: shutting down');
  });
});
