/**
 * The runtime's integration-test harness: a database and a Redis prefix of its own for each test file.
 * @module
 */
export { createTestDatabase } from './create-test-database.ts';
export type { TestDatabase } from './create-test-database.ts';
export { testRedis } from './test-redis.ts';
export { buildCompiled, childEnv, isRunning, processTree, repoRoot, startCompiledTongban, startProcess, startTongban, waitForReady, waitForUrl, waitUntilGone } from './processes.ts';
export type { ReadyLine } from './processes.ts';
export type { ProcessExit, TestProcess } from './processes.ts';
