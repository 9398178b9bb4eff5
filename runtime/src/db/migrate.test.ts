import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/index.ts';
import type { TestDatabase } from '../../test/support/index.ts';
import { migrateDatabase } from './migrate.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('migrateDatabase', () => {
  it('creates every table of the schema', async () => {
    const rows = await database.sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['cases', 'tasks', 'case_events', 'timers', 'outbox', 'users', 'departments', 'jurisdictions']),
    );
  });

  it('changes nothing when run again, even by two callers at once', async () => {
    const before = await database.sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    await Promise.all([migrateDatabase(database.url), migrateDatabase(database.url)]);
    const after = await database.sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(after).toEqual(before);
  });
});
