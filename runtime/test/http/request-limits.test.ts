import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidInput } from './support/body-rejection-suite.ts';
import { fileCase, openTaskAt, permitApplication } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';
import { rowCounts } from './support/row-counts.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let designer: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('http-permit');
  intake = await client.login('huangpu.intake');
  designer = await client.login('designer');
});

afterAll(async () => {
  await harness.close();
});

const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

describe('the bounds of free-form request data', () => {
  it('refuses, naming the field and writing nothing, a string, an array, an object or a whole past its bound in a new case', async () => {
    const before = await rowCounts(harness.database.sql);
    const refused = async (overrides: Record<string, unknown>, field: string, says: string) => {
      const response = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication(overrides));
      expectInvalidInput(response, field);
      expect(response.body.error.message).toContain(says);
    };
    await refused({ data: { shopName: 'x', notes: 'x'.repeat(10_001) } }, 'body.data.notes', 'is 10,001 characters long; at most 10,000');
    await refused({ data: { shopName: 'x', rooms: Array.from({ length: 1_001 }, () => 1) } }, 'body.data.rooms', 'has 1,001 items; at most 1,000');
    await refused({ data: { shopName: 'x', owner: keys(201) } }, 'body.data.owner', 'has 201 keys; at most 200');
    await refused({ data: { shopName: 'x', ['k'.repeat(201)]: 1 } }, 'body.data', 'has a key of 201 characters');
    await refused({ data: { a: 'x'.repeat(9_000), b: Array.from({ length: 40 }, () => 'y'.repeat(9_000)) } }, 'body.data', 'bytes as JSON; at most 262,144');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('refuses a form value past its bound when a task is completed, leaving the task open', async () => {
    const filed = await fileCase(client, { apiKey: PORTAL_KEY });
    const task = await openTaskAt(client, intake, filed.body.id, 'intake');
    const before = await rowCounts(harness.database.sql);
    const response = await client.send('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-1', notes: [{ text: 'x'.repeat(10_001) }] } }, { token: intake });
    expectInvalidInput(response, 'body.data.notes.0.text');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
    expect((await openTaskAt(client, intake, filed.body.id, 'intake')).id).toBe(task.id);
  });

  it('refuses a supplement document record past its bound', async () => {
    const filed = await fileCase(client, { apiKey: PORTAL_KEY });
    const response = await client.send(
      'POST',
      `/api/v1/cases/${filed.body.id}/supplement`,
      { data: {}, documents: ['营业执照.pdf', { name: 'x'.repeat(2_001) }] },
      { apiKey: PORTAL_KEY },
    );
    expectInvalidInput(response, 'body.documents.1.name');
  });

  it('refuses a definition with more nodes than it bounds as invalid-input naming body.nodes, before the engine judges it', async () => {
    const definition = { ...(await harness.fixture('http-permit')), nodes: Array.from({ length: 5_001 }, (_, i) => ({ id: `n${i}` })) };
    const validated = await client.send('POST', '/api/v1/definitions/validate', definition, { token: designer });
    expectInvalidInput(validated, 'body.nodes');
    const before = await rowCounts(harness.database.sql);
    expectInvalidInput(await client.send('POST', '/api/v1/definitions', definition, { token: designer }), 'body.nodes');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('accepts data at its bounds', async () => {
    const response = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ data: { shopName: 'x', notes: 'x'.repeat(10_000), rooms: Array.from({ length: 1_000 }, () => 1) } }));
    expect(response.status, response.text).toBe(201);
  });
});
