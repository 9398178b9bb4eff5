import { drizzle } from 'drizzle-orm/postgres-js';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

/** Tongban's database handle: drizzle over postgres.js with the full schema (`$client`: the postgres.js client). */
export type Db = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };

/** Options of {@link createDb}. */
export interface CreateDbOptions {
  /** Pool size. Default 10. */
  max?: number;
  /** `application_name` shown in `pg_stat_activity`. Default `tongban`. */
  applicationName?: string;
  /** Called with every statement sent (postgres.js `debug`): for measuring, never in production. */
  debug?: (connection: number, query: string, parameters: unknown[]) => void;
}

/** A database handle with its pool. */
export interface DbHandle {
  db: Db;
  /**
   * The postgres.js client under `db`. drizzle replaces its json/jsonb serializers with pass-through
   * ones, so raw queries must pass JSON as text with a cast: `${JSON.stringify(value)}::jsonb`
   * (never a bare object, never `sql.json`) to store an object (pitfalls B29).
   */
  sql: postgres.Sql;
  /** Ends the pool, waiting up to 5 s for running queries. */
  close(): Promise<void>;
}

/**
 * Connects to PostgreSQL at `url`.
 *
 * jsonb columns written through `db` are stored as JSON objects, not as JSON strings
 * (drizzle-team/drizzle-orm#724, porsager/postgres#1139; checked by `client.test.ts`).
 */
export function createDb(url: string, options: CreateDbOptions = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    connection: { application_name: options.applicationName ?? 'tongban' },
    ...(options.debug === undefined ? {} : { debug: options.debug }),
  });
  const db = drizzle({ client: sql, schema, casing: 'snake_case' });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
