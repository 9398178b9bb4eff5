import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt, permitApplication } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient, TestResponse } from './support/http-test-client.ts';
import { rowCounts } from './support/row-counts.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let designer: string;
let intake: string;
let permit: Record<string, unknown>;
let catastrophic: Record<string, unknown>;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  designer = await client.login('designer');
  intake = await client.login('huangpu.intake');
  permit = await harness.fixture('http-permit');
  catastrophic = await harness.fixture('catastrophic-pattern');
});

afterAll(async () => {
  await harness.close();
});

const publish = (definition: unknown) => client.send('POST', '/api/v1/definitions', definition, { token: designer });

/** The code and field of each error diagnostic of a refused publish. */
function refusedFor(response: TestResponse): { code: string; field?: string }[] {
  expect(response.status, response.text).toBe(400);
  expect(response.body.error.code).toBe('definition-invalid');
  return response.body.error.details.diagnostics
    .filter((d: { severity: string }) => d.severity === 'error')
    .map(({ code, field }: { code: string; field?: string }) => ({ code, field }));
}

describe('publishing a data schema outside the safe subset', () => {
  it('is refused with the field inside the schema named, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const schemaOf = (property: Record<string, unknown>) => ({ ...permit, key: 'unsafe-schema', dataSchema: { type: 'object', properties: { shopName: property } } });
    expect(refusedFor(await publish(schemaOf({ $ref: 'https://example.org/shop.json' })))).toEqual([
      { code: 'data-schema-keyword-not-supported', field: 'dataSchema.properties.shopName.$ref' },
    ]);
    expect(refusedFor(await publish(schemaOf({ type: 'string', pattern: '^(?!x)(a+)+$' })))).toEqual([
      { code: 'data-schema-pattern-not-supported', field: 'dataSchema.properties.shopName.pattern' },
    ]);
    expect(refusedFor(await publish(schemaOf({ type: 'string', format: 'regex' })))).toEqual([
      { code: 'data-schema-format-not-supported', field: 'dataSchema.properties.shopName.format' },
    ]);
    expect(refusedFor(await publish(schemaOf({ type: 'string', maxLength: 10_000_000 })))).toEqual([
      { code: 'data-schema-bound-out-of-range', field: 'dataSchema.properties.shopName.maxLength' },
    ]);
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('is reported the same by POST /definitions/validate', async () => {
    const response = await client.send('POST', '/api/v1/definitions/validate', { ...permit, dataSchema: { type: 'object', $defs: {} } }, { token: designer });
    expect(response.status).toBe(200);
    expect(response.body.diagnostics).toContainEqual(expect.objectContaining({ code: 'data-schema-keyword-not-supported', field: 'dataSchema.$defs' }));
  });
});

describe('publishing a limit past what the calendar counts', () => {
  it('is refused with the limit named, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const withReview = (sla: unknown) => ({
      ...permit,
      key: 'uncountable-limit',
      nodes: (permit.nodes as Record<string, unknown>[]).map((node) => (node.id === 'review' ? { ...node, sla } : node)),
    });
    expect(refusedFor(await publish(withReview({ statutory: { amount: 1_000_000, unit: 'workingDay' } })))).toEqual([
      { code: 'duration-not-countable', field: 'nodes[2].sla.statutory.amount' },
    ]);
    expect(refusedFor(await publish(withReview({ promised: { amount: 1.5, unit: 'workingDay' }, statutory: { amount: 5, unit: 'workingDay' } })))).toEqual([
      { code: 'duration-not-countable', field: 'nodes[2].sla.promised.amount' },
    ]);
    expect(refusedFor(await publish({ ...permit, key: 'uncountable-limit', promisedSla: { amount: 100_000, unit: 'hour' } }))).toEqual([
      { code: 'duration-not-countable', field: 'promisedSla.amount' },
    ]);
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });
});

describe('publishing FEEL whose cost the case data does not bound', () => {
  it('is refused with the gateway edge named, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const withCondition = (condition: string) => ({
      ...permit,
      key: 'unbounded-feel',
      nodes: [...(permit.nodes as unknown[]), { id: 'route', type: 'exclusiveGateway', name: 'Route' }],
      edges: [
        ...(permit.edges as { id: string; source: string; outcome?: string }[]).map((edge) =>
          edge.source === 'intake' && edge.outcome === 'approve' ? { ...edge, target: 'route' } : edge,
        ),
        { id: 'e-bomb', source: 'route', target: 'review', condition },
        { id: 'e-default', source: 'route', target: 'review', default: true },
      ],
    });
    const field = `edges[${(permit.edges as unknown[]).length}].condition`;
    expect(refusedFor(await publish(withCondition('count(for i in 1..100000000 return i) > 0')))).toEqual([{ code: 'feel-unbounded', field }]);
    expect(refusedFor(await publish(withCondition('matches(shopName, "^(a+)+$")')))).toEqual([{ code: 'feel-function-not-allowed', field }]);
    expect(refusedFor(await publish(withCondition(`shopName = "${'x'.repeat(1_000)}"`)))).toEqual([{ code: 'feel-too-long', field }]);
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });
});

describe('a catastrophic pattern, published', () => {
  /** `^(a+)+$` against forty `a`s and a `!` takes a backtracking engine about 2^40 steps: it would never answer. */
  const hostile = `${'a'.repeat(40)}!`;

  it('is accepted, and compiled with RE2: filings are checked against it', async () => {
    const published = await publish(catastrophic);
    expect(published.status, published.text).toBe(201);
    const fits = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey: 'catastrophic-pattern', data: { shopName: '小店', code: 'aaaa' } }));
    expect(fits.status, fits.text).toBe(201);
  });

  it('answers filings with hostile inputs (up to the longest string a body may hold) while the completions and reads sent with them are answered too', async () => {
    const filed = await Promise.all(
      Array.from({ length: 3 }, () => fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey: 'catastrophic-pattern', data: { shopName: '小店', code: 'aaaa' } }))),
    );
    const tasks = await Promise.all(filed.map((response) => openTaskAt(client, intake, response.body.id, 'intake')));
    const hostileFiling = (code: string) =>
      fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey: 'catastrophic-pattern', data: { shopName: '小店', code } }));
    const [short, long, ...others] = await Promise.all([
      hostileFiling(hostile),
      hostileFiling(`${'a'.repeat(9_999)}!`),
      ...tasks.map((task) => client.send('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-1' } }, { token: intake })),
      client.send('GET', '/api/v1/tasks?limit=200', undefined, { token: intake }),
      client.send('GET', '/api/v1/clock', undefined, { token: intake }),
    ]);
    for (const refused of [short, long]) {
      expect(refused?.status, refused?.text.slice(0, 300)).toBe(400);
      expect(refused?.body.error).toMatchObject({ code: 'invalid-case-data', details: { field: 'data.code', reason: 'pattern' } });
    }
    for (const answered of others) expect(answered.status, answered.text.slice(0, 300)).toBe(200);
  });
});
