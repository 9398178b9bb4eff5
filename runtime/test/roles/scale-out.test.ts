import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildCompiled, createTestDatabase, testRedis, type TestDatabase } from '../support/index.ts';
import { PORTAL_KEY } from './support/quick-review.ts';
import { startRoleSystem, type RoleSystem } from './support/role-system.ts';
import { runScaleOutScenario } from './support/scale-out-scenario.ts';

// Two compiled `tongban api` and three `tongban worker` processes on one PostgreSQL and one Redis,
// 300 open-restaurant cases whose working days last 0.6 s.
let database: TestDatabase;
let system: RoleSystem | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  const redis = testRedis();
  await buildCompiled();
  system = await startRoleSystem(
    { DATABASE_URL: database.url, REDIS_URL: redis.url, TONGBAN_QUEUE_PREFIX: redis.prefix, TONGBAN_INTAKE_API_KEYS: PORTAL_KEY },
    { apis: 2, workers: 3 },
  );
}, 300_000);

afterAll(async () => {
  await system?.stop();
  await database?.close();
}, 60_000);

describe('two api and three worker processes on one PostgreSQL and one Redis', () => {
  it('run 300 open-restaurant cases to their ends with timers firing, each timer, service invocation and notification handled once, tongban check clean', async () => {
    console.log(await runScaleOutScenario(system!, database, { openRestaurantCases: 300, servicePermitCases: 30, concurrency: 24, secondsPerWorkingDay: 0.6 }));
  }, 900_000);
});
