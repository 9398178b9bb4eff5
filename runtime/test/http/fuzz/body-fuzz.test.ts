import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt, permitApplication, publishPermitWorkflows } from '../support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from '../support/http-harness.ts';
import type { HttpHarness } from '../support/http-harness.ts';
import type { TestRequestOptions } from '../support/http-test-client.ts';
import { databaseDigester } from './database-digest.ts';
import { jsonText, mutate, mutation, type Mutation } from './hostile-body.ts';
import { schemaArbitrary, type JsonSchema } from './schema-arbitrary.ts';

/**
 * Fuzzing every route with a JSON body, driven by the request-body schemas of the OpenAPI
 * document: valid-ish bodies generated from each schema, and the same bodies changed by a hostile
 * mutation (a value of the wrong type or size, `1e309`, NUL, lone surrogates, deep nesting, keys
 * such as `__proto__`, a whole body that is not an object). Every answer is a 2xx, or a 4xx whose
 * error names a field or carries one of the codes below; never a 5xx; and a refused request
 * leaves every row of the database as it was.
 *
 * 11,380 bodies a run, split over the routes. `TONGBAN_FUZZ_SEED=<n>` replays a run (each route
 * draws from seed + its index); `TONGBAN_FUZZ_SCALE` scales the number of bodies.
 */

const SEED = Number(process.env.TONGBAN_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Scales every route's bodies per run (`TONGBAN_FUZZ_SCALE=0.1` for a quick look). */
const SCALE = Number(process.env.TONGBAN_FUZZ_SCALE ?? 1);

/** 4xx codes that name no field, by what they mean: each is stated in the route's OpenAPI responses. */
const NON_FIELD_CODES = new Set([
  'invalid-json',
  'payload-too-large',
  'unsupported-media-type',
  'definition-invalid',
  'invalid-credentials',
  'too-many-webhooks',
  'case-not-found',
  'task-not-found',
  'definition-not-found',
  'calendar-not-found',
  'jurisdiction-not-found',
  'task-not-open',
  'task-claimed',
  'case-suspended',
  'case-not-suspended',
  'case-completed',
  'suspension-mismatch',
  'deadline-passed',
  'extension-not-allowed',
  'extension-already-requested',
  'extension-not-requested',
  'calendar-built-in',
  'idempotency-key-reused',
  'task-forbidden',
  'task-not-claimed',
  'task-delegated',
  'task-not-delegated',
  'delegatee-may-only-resolve',
  'urge-too-soon',
  'case-not-active',
  'not-countersign',
  'withdraw-too-late',
  'withdraw-forbidden',
  'task-not-completed',
]);

const MARKET = 'huangpu.market';

/** Who sends each route's bodies (a caller the route admits), how many, and what fills its path. */
interface RouteSetup {
  as: 'nobody' | 'apiKey' | string;
  /** Bodies per run: a login hashes a password, so it gets fewer. */
  runs: number;
  /** What fills the path; given cases of its own at their review when `cases` is set. */
  params?: (fixtures: Fixtures) => fc.Arbitrary<Record<string, string>>;
  cases?: true;
  /** Undoes what the route's accepted bodies leave running, before the next route is fuzzed. */
  afterwards?: (sql: HttpHarness['database']['sql']) => Promise<unknown>;
}

let harness: HttpHarness;
let document: { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, JsonSchema> } };
let tokens: Record<string, string>;

/** Cases of one route's fuzzing, each at its review task (extension-permit ones with an extension asked for). */
interface Fixtures {
  caseIds: string[];
  taskIds: string[];
  extensionTaskIds: string[];
}

/** Files `count` cases (one in four of `extension-permit`) and moves each to its review. */
async function reviewFixtures(count: number): Promise<Fixtures> {
  const fixtures: Fixtures = { caseIds: [], taskIds: [], extensionTaskIds: [] };
  for (let i = 0; i < count; i++) {
    const definitionKey = i % 4 === 3 ? 'extension-permit' : 'http-permit';
    const filed = await fileCase(harness.client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey }));
    const intake = await openTaskAt(harness.client, tokens['huangpu.intake'] as string, filed.body.id, 'intake');
    await harness.client.send('POST', `/api/v1/tasks/${intake.id}/complete`, { outcome: 'approve', data: { receiptNo: `R-${i}` } }, { token: tokens['huangpu.intake'] });
    const review = await openTaskAt(harness.client, tokens[MARKET] as string, filed.body.id, 'review');
    fixtures.caseIds.push(filed.body.id);
    if (definitionKey === 'extension-permit') {
      await harness.client.send('POST', `/api/v1/tasks/${review.id}/extension`, { amount: 2, reason: '专家评审' }, { token: tokens[MARKET] });
      fixtures.extensionTaskIds.push(review.id);
    } else {
      fixtures.taskIds.push(review.id);
    }
  }
  return fixtures;
}

const unknownId = fc.constantFrom('00000000-0000-0000-0000-000000000000', 'nope', 'a'.repeat(100));
const idParam = (ids: string[]) => fc.record({ id: fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 4 }, unknownId) });
const caseParam = (fixtures: Fixtures) => idParam(fixtures.caseIds);
const calendarKey = fc.oneof(fc.constantFrom('cn-mainland', 'fuzz-a', 'fuzz-b'), fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,2}$/));

const ROUTES: Record<string, RouteSetup> = {
  'post /api/v1/auth/login': { as: 'nobody', runs: 100 },
  'post /api/v1/definitions/validate': { as: 'designer', runs: 720 },
  'post /api/v1/definitions': { as: 'designer', runs: 720 },
  'post /api/v1/definitions/{key}/migrations/dry-run': { as: 'designer', runs: 720, params: () => fc.record({ key: fc.constant('http-permit') }) },
  'post /api/v1/definitions/{key}/migrations': { as: 'designer', runs: 720, params: () => fc.record({ key: fc.constant('http-permit') }) },
  'post /api/v1/cases': { as: 'apiKey', runs: 720 },
  'post /api/v1/cases/{id}/supplement': { as: 'apiKey', runs: 720, cases: true, params: caseParam },
  'post /api/v1/cases/{id}/withdraw': { as: 'apiKey', runs: 720, cases: true, params: caseParam },
  'post /api/v1/cases/{id}/suspend': { as: 'huangpu.manager', runs: 720, cases: true, params: caseParam },
  'post /api/v1/cases/{id}/resume': { as: 'huangpu.manager', runs: 720, cases: true, params: caseParam },
  'post /api/v1/tasks/{id}/complete': { as: MARKET, runs: 720, cases: true, params: (fixtures) => idParam(fixtures.taskIds) },
  'post /api/v1/tasks/{id}/extension': { as: MARKET, runs: 720, cases: true, params: (fixtures) => idParam([...fixtures.taskIds, ...fixtures.extensionTaskIds]) },
  'post /api/v1/tasks/{id}/extension/refuse': { as: 'huangpu.manager', runs: 720, cases: true, params: (fixtures) => idParam(fixtures.extensionTaskIds) },
  'post /api/v1/tasks/{id}/unclaim': { as: MARKET, runs: 120, cases: true, params: (fixtures) => idParam(fixtures.taskIds) },
  'post /api/v1/tasks/{id}/withdraw': { as: MARKET, runs: 120, cases: true, params: (fixtures) => idParam(fixtures.taskIds) },
  'post /api/v1/tasks/{id}/transfer': { as: MARKET, runs: 120, cases: true, params: (fixtures) => idParam(fixtures.taskIds) },
  'post /api/v1/tasks/{id}/delegate': { as: MARKET, runs: 120, cases: true, params: (fixtures) => idParam(fixtures.taskIds) },
  'post /api/v1/tasks/{id}/resolve': { as: MARKET, runs: 120, cases: true, params: (fixtures) => idParam(fixtures.taskIds) },
  'post /api/v1/tasks/{id}/comments': { as: MARKET, runs: 120, cases: true, params: (fixtures) => idParam(fixtures.taskIds) },
  'post /api/v1/tasks/{id}/copies': { as: MARKET, runs: 120, cases: true, params: (fixtures) => idParam(fixtures.taskIds) },
  'post /api/v1/tasks/reassign': { as: 'huangpu.manager', runs: 120 },
  'post /api/v1/tasks/{id}/signers': { as: MARKET, runs: 120, cases: true, params: (fixtures) => idParam(fixtures.taskIds) },
  'post /api/v1/tasks/{id}/remove-signer': { as: 'huangpu.manager', runs: 120, cases: true, params: (fixtures) => idParam(fixtures.taskIds) },
  'post /api/v1/cases/{id}/urge': { as: 'huangpu.manager', runs: 120, cases: true, params: caseParam },
  'post /api/v1/webhooks': {
    as: 'apiKey',
    runs: 240,
    // The subscriptions would hear of later routes' cases, and their deliveries' retries would
    // write while those routes are checked for refusals that write nothing.
    afterwards: (sql) => sql`update webhook_subscriptions set deleted_at = now() where deleted_at is null`,
  },
  'post /api/v1/clock/advance': { as: 'admin', runs: 720 },
  'post /api/v1/monitor/forecast': { as: 'huangpu.manager', runs: 120, cases: true },
  'put /api/v1/calendars/{key}': { as: 'admin', runs: 720, params: () => fc.record({ key: calendarKey }) },
  'put /api/v1/calendars/{key}/notices/{year}': {
    as: 'admin',
    runs: 720,
    params: () => fc.record({ key: calendarKey, year: fc.integer({ min: 1890, max: 2210 }).map(String) }),
  },
  'put /api/v1/jurisdictions/{id}/calendar': {
    as: 'admin',
    runs: 720,
    params: () => fc.record({ id: fc.constantFrom('sh-pudong-lujiazui', 'sh-xuhui', 'sh-nowhere') }),
  },
};

/** Values the API accepts, by property name, so that some generated bodies get through. */
const HINTS: Record<string, readonly unknown[]> = {
  username: ['admin', 'huangpu.market'],
  password: ['tongban123'],
  definitionKey: ['http-permit', 'extension-permit'],
  jurisdiction: ['sh-huangpu-nanjing-east', 'sh-xuhui', 'sh'],
  outcome: ['approve', 'reject', 'return', 'requestSupplement'],
  base: ['cn-mainland'],
  data: [{}],
  timeZone: ['Asia/Shanghai'],
  assigneeId: ['huangpu.fire', 'huangpu.market'],
  departmentId: ['sh-huangpu-fire-rescue'],
  userIds: [['huangpu.fire']],
  url: ['https://portal.example.gov.cn/hooks/tongban'],
};

beforeAll(async () => {
  harness = await startHttp();
  await publishPermitWorkflows(harness);
  tokens = {};
  for (const username of ['designer', 'huangpu.intake', MARKET, 'huangpu.manager', 'admin']) tokens[username] = await harness.client.login(username);
  document = (await harness.client.send('GET', '/api/openapi.json')).body;
  const total = Object.values(ROUTES).reduce((sum, route) => sum + Math.round(route.runs * SCALE), 0);
  console.log(`Body fuzz: seed ${SEED}, ${total} bodies over ${Object.keys(ROUTES).length} routes (replay with TONGBAN_FUZZ_SEED=${SEED})`);
});

afterAll(async () => {
  await harness.close();
});

const bodyRoutes = () =>
  Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation.requestBody?.content?.['application/json']?.schema !== undefined)
      .map(([method]) => `${method} ${path}`),
  );

function credentialsOf(setup: RouteSetup): TestRequestOptions {
  if (setup.as === 'nobody') return {};
  if (setup.as === 'apiKey') return { apiKey: PORTAL_KEY };
  return { token: tokens[setup.as] as string };
}

/** Why an answer breaks the rules above, or undefined when it keeps them. */
function fault(status: number, body: any): string | undefined {
  if (status >= 500) return `answered ${status}: ${JSON.stringify(body)}`;
  if (status < 400) return undefined;
  const code = body?.error?.code;
  if (typeof code !== 'string') return `answered ${status} without an error code`;
  const field = body.error.details?.field;
  if (typeof field === 'string' && field !== '') return undefined;
  if (!NON_FIELD_CODES.has(code)) return `answered ${status} '${code}' naming no field: ${body.error.message}`;
  if (status === 400 && code !== 'invalid-json' && code !== 'definition-invalid') return `answered 400 '${code}' naming no field`;
  return undefined;
}

describe('every route with a JSON body, fuzzed from its OpenAPI schema', () => {
  it('has a setup for every body route of the OpenAPI document', () => {
    const missing = bodyRoutes().filter((route) => ROUTES[route] === undefined);
    expect(missing, missing.map((route) => `Body route '${route}' has no entry in ROUTES of body-fuzz.test.ts`).join('\n')).toEqual([]);
  });

  Object.entries(ROUTES).forEach(([route, setup], index) => {
    it(`answers ${route} with a 2xx or a 4xx naming the field, never a 5xx, and a refusal writes nothing`, async () => {
      const [method, template] = route.split(' ') as [string, string];
      const schema = document.paths[template]?.[method]?.requestBody.content['application/json'].schema as JsonSchema;
      const resolve = (ref: string) => document.components.schemas[ref.split('/').pop() as string] as JsonSchema;
      const valid = schemaArbitrary(schema, { resolve, hints: HINTS });
      const body = fc.oneof(
        valid.map((value) => ({ value, change: undefined as Mutation | undefined })),
        fc.tuple(valid, mutation).map(([value, change]) => ({ value, change: change as Mutation | undefined })),
      );
      const fixtures = setup.cases ? await reviewFixtures(8) : { caseIds: [], taskIds: [], extensionTaskIds: [] };
      const params = setup.params ? setup.params(fixtures) : fc.constant({} as Record<string, string>);
      const digest = await databaseDigester(harness.database.sql);
      let baseline = await digest();
      let dirty = false;
      let digestMs = 0;
      const started = performance.now();
      const options = credentialsOf(setup);

      await fc.assert(
        fc.asyncProperty(body, params, fc.uuid(), async ({ value, change }, values, idempotencyKey) => {
          const text = jsonText(change === undefined ? value : mutate(value, change));
          const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] as string));
          if (dirty) {
            const t0 = performance.now();
            baseline = await digest();
            digestMs += performance.now() - t0;
            dirty = false;
          }
          const response = await harness.client.raw(method.toUpperCase(), path, { body: text, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey } }, options);
          const problem = fault(response.status, response.body);
          if (problem !== undefined) throw new Error(`${route} (${path}) ${problem}\nbody: ${text.slice(0, 2_000)}`);
          if (response.status < 300) {
            dirty = true;
            return;
          }
          const t0 = performance.now();
          const after = await digest();
          digestMs += performance.now() - t0;
          if (after !== baseline) {
            const before = new Set(baseline.split('|'));
            const changed = after.split('|').filter((table) => !before.has(table));
            throw new Error(`${route} (${path}) answered ${response.status} '${response.body.error.code}' but changed the database (${changed.join(', ')})\nbody: ${text.slice(0, 2_000)}`);
          }
        }),
        { numRuns: Math.round(setup.runs * SCALE), seed: SEED + index, endOnFailure: true },
      );
      await setup.afterwards?.(harness.database.sql);
      console.log(`${route}: ${Math.round(performance.now() - started)} ms, digests ${Math.round(digestMs)} ms`);
    }, 300_000);
  });
});
