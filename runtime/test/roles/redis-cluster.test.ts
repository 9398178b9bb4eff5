import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompiled, createTestDatabase, type TestDatabase } from '../support/index.ts';
import { startLocalRedisCluster, type LocalRedisCluster } from '../support/local-redis-cluster.ts';
import { PORTAL_KEY } from './support/quick-review.ts';
import { startRoleSystem, type RoleSystem } from './support/role-system.ts';
import { runScaleOutScenario } from './support/scale-out-scenario.ts';

// docs/operations.md, "Redis Cluster": the roles on a three-master cluster the test starts, with
// REDIS_URL=redis+cluster://… and the default, hash-tagged queue prefix {tongban}.
let cluster: LocalRedisCluster;
let database: TestDatabase;
let system: RoleSystem | undefined;

beforeAll(async () => {
  [cluster, database] = await Promise.all([startLocalRedisCluster(3), createTestDatabase()]);
  await buildCompiled();
  system = await startRoleSystem({ DATABASE_URL: database.url, REDIS_URL: cluster.url, TONGBAN_INTAKE_API_KEYS: PORTAL_KEY }, { apis: 2, workers: 3 });
}, 300_000);

afterAll(async () => {
  await system?.stop();
  await database?.close();
  await cluster?.stop();
}, 60_000);

describe('two api and three worker processes on one PostgreSQL and a three-master Redis Cluster', () => {
  it('run 300 open-restaurant cases to their ends with timers firing, each timer, service invocation and notification handled once, tongban check clean', async () => {
    console.log(await runScaleOutScenario(system!, database, { openRestaurantCases: 300, servicePermitCases: 30, concurrency: 24, secondsPerWorkingDay: 0.6 }));
    // Every key of the queues sits on the master that serves the slot of {tongban}.
    const keyCounts = await Promise.all(cluster.ports.map(async (port) => Number((await promisify(execFile)('redis-cli', ['-p', String(port), 'dbsize'])).stdout.trim())));
    expect(keyCounts.filter((n) => n > 0)).toHaveLength(1);
  }, 900_000);
});
