/**
 * Values the global setup hands to every test file through vitest's `provide` / `inject`.
 * @module
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** A database URL on the test server whose user may `CREATE DATABASE`. */
    tongbanAdminDatabaseUrl: string;
    /** Name of the migrated and seeded database every test database is copied from. */
    tongbanTemplateDatabase: string;
    /** The test run's Redis. */
    tongbanRedisUrl: string;
  }
}

export {};
