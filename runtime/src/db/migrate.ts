import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/** The committed drizzle-kit migrations of the runtime. */
export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Arbitrary constant key of the advisory lock that serialises concurrent migrations. */
const migrationLockKey = 7_244_115_301;

/**
 * Applies every pending migration of {@link migrationsFolder} to the database at `url`, over one
 * connection (`max: 1`, as drizzle's postgres-js docs require; pitfalls B34) holding an advisory lock,
 * so two processes starting together migrate one after the other. Fails fast on the first error.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined, connection: { application_name: 'tongban-migrate' } });
  try {
    await sql`select pg_advisory_lock(${migrationLockKey})`;
    await migrate(drizzle({ client: sql }), { migrationsFolder });
    await sql`select pg_advisory_unlock(${migrationLockKey})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
