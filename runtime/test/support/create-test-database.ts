import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { withDatabase } from './database-url.ts';
import './provided-context.ts';

/** A database of its own for one test file. */
export interface TestDatabase extends DbHandle {
  /** Its connection URL. */
  url: string;
  /** Its name. */
  name: string;
}

/**
 * A fresh database, copied from the run's template: migrated and seeded with the demo organisation
 * and users (password `tongban123`). `close()` ends the pool and drops the database.
 */
export async function createTestDatabase(options: { max?: number } = {}): Promise<TestDatabase> {
  const adminUrl = inject('tongbanAdminDatabaseUrl');
  const template = inject('tongbanTemplateDatabase');
  const name = `tongban_test_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(adminUrl, `create database "${name}" template "${template}"`);
  const url = withDatabase(adminUrl, name);
  const handle = createDb(url, { max: options.max ?? 5, applicationName: 'tongban-test' });
  return {
    ...handle,
    url,
    name,
    close: async () => {
      await handle.close();
      await runAsAdmin(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

async function runAsAdmin(adminUrl: string, statement: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}
