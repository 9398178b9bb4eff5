import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testRedis } from '../../test/support/index.ts';
import type { TestDatabase } from '../../test/support/index.ts';
import { runCli } from '../cli/run-cli.ts';
import { migrateDatabase, migrationsFolder, pendingMigrations } from './migrate.ts';
import { isMigrationJournalError } from './migration-journal-error.ts';

let database: TestDatabase;
let folder: string;
beforeAll(async () => {
  database = await createTestDatabase();
  folder = await mkdtemp(path.join(tmpdir(), 'tongban-migrations-'));
});
afterAll(async () => {
  await database.close();
  await rm(folder, { recursive: true, force: true });
});

/** A copy of the committed migrations in a folder of its own, with `edit` applied to its journal. */
async function migrationsCopy(name: string, edit: (journal: { entries: { idx: number; when: number; tag: string }[] }) => void): Promise<string> {
  const copy = path.join(folder, name);
  await cp(migrationsFolder, copy, { recursive: true });
  const journalPath = path.join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8'));
  edit(journal);
  await writeFile(journalPath, JSON.stringify(journal, null, 2));
  return copy;
}

const appliedCount = async () => (await database.sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`)[0]?.n;

describe('migrateDatabase', () => {
  it('creates every table of the schema', async () => {
    const rows = await database.sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['cases', 'tasks', 'case_events', 'timers', 'outbox', 'users', 'departments', 'jurisdictions']),
    );
  });

  it('changes nothing when run again, even by two callers at once', async () => {
    const before = await appliedCount();
    await Promise.all([migrateDatabase(database.url), migrateDatabase(database.url)]);
    expect(await appliedCount()).toEqual(before);
  });

  it('refuses a migration back-dated before the newest applied one, naming it, and applies nothing', async () => {
    const copy = await migrationsCopy('back-dated', (journal) => {
      const first = journal.entries[0] as { when: number };
      journal.entries.push({ idx: journal.entries.length, when: first.when + 1, tag: '9999_case_notes', breakpoints: true } as never);
    });
    await writeFile(path.join(copy, '9999_case_notes.sql'), 'CREATE TABLE "case_notes" ("id" text PRIMARY KEY);');
    const before = await appliedCount();
    const error = await migrateDatabase(database.url, { migrationsFolder: copy }).catch((e: unknown) => e);
    expect(isMigrationJournalError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'migration-back-dated', problems: [expect.objectContaining({ migration: '9999_case_notes' })] });
    expect((error as Error).message).toContain("Migration '9999_case_notes'");
    expect(await appliedCount()).toEqual(before);
    const [table] = await database.sql<{ present: boolean }[]>`select to_regclass('public.case_notes') is not null as present`;
    expect(table?.present).toBe(false);
  });

  it('refuses an applied migration whose file was edited, naming it', async () => {
    const copy = await migrationsCopy('edited', () => undefined);
    const sqlFile = path.join(copy, '0001_task_reason.sql');
    await writeFile(sqlFile, `${await readFile(sqlFile, 'utf8')}\n-- edited after it landed\n`);
    await expect(migrateDatabase(database.url, { migrationsFolder: copy })).rejects.toMatchObject({
      code: 'migration-edited',
      problems: [expect.objectContaining({ migration: '0001_task_reason' })],
    });
  });

  it('refuses a journal that lacks a migration the database recorded', async () => {
    const copy = await migrationsCopy('missing', (journal) => {
      journal.entries.pop();
    });
    await expect(migrateDatabase(database.url, { migrationsFolder: copy })).rejects.toMatchObject({ code: 'migration-missing' });
  });
});

describe('tongban migrate and tongban start', () => {
  it('stop with a non-zero exit naming a migration the database skipped, and what to do', async () => {
    const skipped = await createTestDatabase();
    try {
      await skipped.sql`delete from drizzle.__drizzle_migrations where created_at = (select created_at from drizzle.__drizzle_migrations order by created_at offset 1 limit 1)`;
      const result = await runCli(['migrate'], { env: { ...process.env, DATABASE_URL: skipped.url }, timeoutMs: 60_000 });
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(result.stderr).toContain('[migration-back-dated]');
      expect(result.stderr).toContain("Migration '0001_task_reason'");
      expect(result.stderr).toContain("Give it a 'when' after");
      const started = await runCli(['start', '--port', '0'], { env: { ...process.env, DATABASE_URL: skipped.url, REDIS_URL: testRedis().url }, timeoutMs: 60_000 });
      expect(started.code, started.stdout + started.stderr).toBe(1);
      const refusal = started.stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: number; code?: string; msg: string })
        .find((line) => line.code === 'migration-back-dated');
      expect(refusal, started.stdout).toMatchObject({ level: 60 });
      expect(refusal?.msg).toContain("Migration '0001_task_reason'");
    } finally {
      await skipped.close();
    }
  }, 180_000);
});

describe('pendingMigrations', () => {
  it('names none on a migrated database', async () => {
    expect(await pendingMigrations(database.sql)).toEqual([]);
  });

  it('names every migration, in order, on a database never migrated', async () => {
    const fresh = await createTestDatabase();
    try {
      await fresh.sql.unsafe('drop schema drizzle cascade');
      const pending = await pendingMigrations(fresh.sql);
      expect(pending[0]).toBe('0000_init');
      expect(pending).toEqual([...pending].sort());
      expect(pending.length).toBeGreaterThan(10);
    } finally {
      await fresh.close();
    }
  });

  it('names the migrations newer than the last one applied', async () => {
    const fresh = await createTestDatabase();
    try {
      await fresh.sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`;
      const pending = await pendingMigrations(fresh.sql);
      expect(pending).toHaveLength(1);
      expect(pending[0]).toMatch(/^\d{4}_/);
    } finally {
      await fresh.close();
    }
  });

  it('refuses, as migrate does, a database that disagrees with the journal', async () => {
    const skipped = await createTestDatabase();
    try {
      await skipped.sql`delete from drizzle.__drizzle_migrations where created_at = (select created_at from drizzle.__drizzle_migrations order by created_at offset 1 limit 1)`;
      await expect(pendingMigrations(skipped.sql)).rejects.toMatchObject({ code: 'migration-back-dated' });
    } finally {
      await skipped.close();
    }
  });
});
