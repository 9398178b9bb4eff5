/**
 * Tongban runtime: durable case execution, the HTTP API and the tongban CLI.
 * @module
 */
export * from './cases/index.ts';
export * from './clock/index.ts';
export * from './definitions/index.ts';
export * from './egress/index.ts';
export * from './errors/index.ts';
export * from './incidents/index.ts';
export * from './monitor/index.ts';
export * from './organisation/index.ts';
export * from './outbox/index.ts';
export * from './queues/index.ts';
export * from './runtime.ts';
export * from './service-tasks/index.ts';
export * from './tasks/index.ts';
export * from './timers/index.ts';
export { createDb } from './db/client.ts';
export type { CreateDbOptions, Db, DbHandle } from './db/client.ts';
export { migrateDatabase, pendingMigrations } from './db/migrate.ts';
export { MigrationJournalError, isMigrationJournalError } from './db/migration-journal-error.ts';
export type { MigrationJournalErrorCode, MigrationJournalProblem } from './db/migration-journal-error.ts';
export { hashPassword, verifyPassword } from './infra/password.ts';
export { startEmbeddedPostgres } from './infra/postgres.ts';
export type { EmbeddedPostgres, EmbeddedPostgresOptions } from './infra/postgres.ts';
export { startLocalRedis } from './infra/redis.ts';
export type { LocalRedis } from './infra/redis.ts';
export { seedAll } from './seed/seed-all.ts';
export type { SeedAllResult } from './seed/seed-all.ts';
export { seedDemoUsers } from './seed/seed-demo-users.ts';
export { seedOrganisation } from './seed/seed-organisation.ts';
export { seedWorkflows } from './seed/seed-workflows.ts';
export * from './health/index.ts';
export * from './logging/index.ts';
export * from './metrics/index.ts';
export type { RequestLine } from './http/middleware/request-observer.ts';
export { RoleError, Shutdown, startRole } from './roles/index.ts';
export type { RoleOptions, RunningRole, ShutdownOptions, ShutdownStep } from './roles/index.ts';
export { startTongban } from './cli/start.ts';
export type { RunningTongban, StartOptions } from './cli/start.ts';
export { API_VERSION, createApp } from './http/app.ts';
export type { AppOptions } from './http/app.ts';
export type { HttpEnv } from './http/http-env.ts';
export type { ErrorBody, HttpLogger } from './http/middleware/error-handler.ts';
export { DEFAULT_TOKEN_TTL_MINUTES } from './auth/auth.service.ts';
export type { LoginResult, UserProfile } from './auth/auth.service.ts';
