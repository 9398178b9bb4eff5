import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/index.ts';
import type { TestDatabase } from '../../test/support/index.ts';
import { createDb, type DbHandle } from './client.ts';

// postgres.js 3.4.9 wrote a transaction's next statement (or its own rollback) to a connection
// that had closed, throwing from a setImmediate where no caller can catch it (the process shut
// down), kept unsent bytes for the next connect, and failed the first query after the reconnect
// with the error of the lost one (porsager/postgres#1154, #1208); patches/postgres+3.4.9.patch.

let database: TestDatabase;
let pool: DbHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  pool = createDb(database.url, { max: 1 });
});
afterAll(async () => {
  await pool?.close();
  await database.close();
});

describe('a connection lost in the middle of a transaction', () => {
  it('rejects the statements sent after the loss as CONNECTION_CLOSED and the pool connects again', async () => {
    const [backend] = await pool.sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const afterLoss: Promise<unknown>[] = [];
    const transaction = pool.sql.begin(async (tx) => {
      await tx`select pg_sleep(10)`.catch(() => undefined);
      await sleep(200);
      afterLoss.push(tx`select 1`.then(() => 'answered', (error: { code?: string }) => error.code));
      await afterLoss[0];
    });
    await sleep(300);
    await database.sql`select pg_terminate_backend(${backend!.pid})`;
    await expect(transaction).rejects.toThrow();
    await sleep(200);
    expect(await afterLoss[0]).toBe('CONNECTION_CLOSED');
    expect(await pool.sql`select 1 as one`).toEqual([{ one: 1 }]);
  }, 60_000);
});
