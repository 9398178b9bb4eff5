import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { MigrationJournalError } from './migration-journal-error.ts';
import { journalProblems, readJournal, type AppliedMigration } from './migration-journal.ts';

/** The committed drizzle-kit migrations of the runtime. */
export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Arbitrary constant key of the advisory lock that serialises concurrent migrations. */
const migrationLockKey = 7_244_115_301;

/** Options of {@link migrateDatabase}. */
export interface MigrateOptions {
  /** Folder of the drizzle-kit migrations and their `meta/_journal.json`. Default {@link migrationsFolder}. */
  migrationsFolder?: string;
}

/**
 * Applies every pending migration to the database at `url`, over one connection (`max: 1`, as
 * drizzle's postgres-js docs require; pitfalls B34) holding an advisory lock, so two processes
 * starting together migrate one after the other. Fails fast on the first error.
 *
 * Before applying anything it compares every journal entry with what the database recorded in
 * `drizzle.__drizzle_migrations`, by hash (drizzle itself only looks at the newest row, so a
 * back-dated entry would be skipped without a word; drizzle-orm#5316).
 *
 * @throws MigrationJournalError `migration-back-dated`, `migration-edited` or `migration-missing`,
 *   naming each migration and what to do; nothing is applied then.
 */
export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<void> {
  const folder = options.migrationsFolder ?? migrationsFolder;
  const journal = readJournal(folder);
  const sql = postgres(url, { max: 1, onnotice: () => undefined, connection: { application_name: 'tongban-migrate' } });
  try {
    await sql`select pg_advisory_lock(${migrationLockKey})`;
    const [first, ...more] = journalProblems(journal, await appliedMigrations(sql));
    if (first) throw new MigrationJournalError([first, ...more]);
    await migrate(drizzle({ client: sql }), { migrationsFolder: folder });
    await sql`select pg_advisory_unlock(${migrationLockKey})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The rows of `drizzle.__drizzle_migrations`, oldest first; none before the first migration. */
async function appliedMigrations(sql: postgres.Sql): Promise<AppliedMigration[]> {
  const [table] = await sql<{ present: boolean }[]>`select to_regclass('drizzle.__drizzle_migrations') is not null as present`;
  if (!table?.present) return [];
  const rows = await sql<{ hash: string; created_at: string }[]>`select hash, created_at from drizzle.__drizzle_migrations order by created_at, id`;
  return rows.map((row) => ({ hash: row.hash, createdAt: Number(row.created_at) }));
}

/**
 * The tags of the migrations the database behind `sql` has not applied, in journal order: the
 * entries newer than every applied one, which {@link migrateDatabase} would apply. Empty when the
 * database is current; every entry on a database never migrated.
 *
 * @throws MigrationJournalError when the journal and the database disagree, as {@link migrateDatabase} does.
 */
export async function pendingMigrations(sql: postgres.Sql, options: MigrateOptions = {}): Promise<string[]> {
  const journal = readJournal(options.migrationsFolder ?? migrationsFolder);
  const applied = await appliedMigrations(sql);
  const [first, ...more] = journalProblems(journal, applied);
  if (first) throw new MigrationJournalError([first, ...more]);
  const newest = applied.reduce((latest, m) => Math.max(latest, m.createdAt), Number.NEGATIVE_INFINITY);
  return journal.filter((m) => m.when > newest).map((m) => m.tag);
}
