import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidInput, itRejectsBadBodies } from './support/body-rejection-suite.ts';
import { startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';
import { rowCounts } from './support/row-counts.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let designer: string;
let clerk: string;
let permit: Record<string, unknown>;
let broken: Record<string, unknown>;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  designer = await client.login('designer');
  clerk = await client.login('huangpu.market');
  permit = await harness.fixture('http-permit');
  broken = await harness.fixture('broken-definition');
});

afterAll(async () => {
  await harness.close();
});

describe('POST /definitions', () => {
  it('publishes a designer’s definition as version 1, then as version 2', async () => {
    const first = await client.send('POST', '/api/v1/definitions', permit, { token: designer });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ key: 'http-permit', version: 1, name: '接口测试许可', diagnostics: [] });
    expect(first.body.publishedAt).toBe('2026-03-02T01:00:00.000Z');
    const second = await client.send(
      'POST',
      '/api/v1/definitions',
      { ...permit, version: 7, baseVersion: 1, changeNote: '  复核改为 5 个工作日  ' },
      { token: designer },
    );
    expect(second.status, second.text).toBe(201);
    expect(second.body).toMatchObject({ version: 2, publishedBy: 'designer', changeNote: '复核改为 5 个工作日' });
  });

  it('answers 409 version-conflict to a new drawing under a key in use, naming the latest version, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const response = await client.send('POST', '/api/v1/definitions', { ...permit, name: '两个节点的草稿' }, { token: designer });
    expect(response.status, response.text).toBe(409);
    expect(response.body.error).toMatchObject({
      code: 'version-conflict',
      details: { field: 'baseVersion', key: 'http-permit', baseVersion: null, latestVersion: 2, latestPublishedBy: 'designer', latestPublishedAt: '2026-03-02T01:00:00.000Z' },
    });
    expect(response.body.error.message).toContain('latest version is 2');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 409 version-conflict to a drawing started from an older version', async () => {
    const response = await client.send('POST', '/api/v1/definitions', { ...permit, baseVersion: 1 }, { token: designer });
    expect(response.status).toBe(409);
    expect(response.body.error.details).toMatchObject({ baseVersion: 1, latestVersion: 2 });
  });

  it('answers 409 version-conflict to a base version for a key never published', async () => {
    const response = await client.send('POST', '/api/v1/definitions', { ...permit, key: 'http-never', baseVersion: 3 }, { token: designer });
    expect(response.status).toBe(409);
    expect(response.body.error.details).toMatchObject({ key: 'http-never', baseVersion: 3, latestVersion: null });
  });

  it('publishes exactly one of two concurrent publishes on the same base version', async () => {
    const key = 'http-race-permit';
    expect((await client.send('POST', '/api/v1/definitions', { ...permit, key }, { token: designer })).status).toBe(201);
    const answers = await Promise.all(
      ['甲', '乙'].map((who) => client.send('POST', '/api/v1/definitions', { ...permit, key, baseVersion: 1, changeNote: who }, { token: designer })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const history = await client.send('GET', `/api/v1/definitions/${key}/versions`, undefined, { token: designer });
    expect(history.body.items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
  });

  it('names baseVersion and changeNote when they are not what the route takes', async () => {
    expectInvalidInput(await client.send('POST', '/api/v1/definitions', { ...permit, baseVersion: '2' }, { token: designer }), 'body.baseVersion');
    expectInvalidInput(await client.send('POST', '/api/v1/definitions', { ...permit, baseVersion: 0 }, { token: designer }), 'body.baseVersion');
    expectInvalidInput(await client.send('POST', '/api/v1/definitions', { ...permit, baseVersion: 2, changeNote: 'x'.repeat(2001) }, { token: designer }), 'body.changeNote');
  });

  it('lets an admin publish too', async () => {
    const admin = await client.login('admin');
    const response = await client.send('POST', '/api/v1/definitions', { ...permit, key: 'http-admin-permit' }, { token: admin });
    expect(response.status).toBe(201);
  });

  it('answers 403 role-required to a clerk, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const response = await client.send('POST', '/api/v1/definitions', permit, { token: clerk });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('role-required');
    expect(response.body.error.details.roles).toEqual(['designer', 'admin']);
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 400 definition-invalid with the diagnostics, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const response = await client.send('POST', '/api/v1/definitions', broken, { token: designer });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('definition-invalid');
    expect(response.body.error.details.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'no-end-event', severity: 'error' }),
    );
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('names each missing field of the definition in its diagnostics', async () => {
    const response = await client.send('POST', '/api/v1/definitions', { schemaVersion: 1, nodes: [], edges: [] }, { token: designer });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('definition-invalid');
    const fields = response.body.error.details.diagnostics.map((d: { field?: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['key', 'name', 'calendar']));
  });

  it('answers 400 invalid-input to a body that is not a JSON object', async () => {
    for (const body of [[permit], 'http-permit', 42, null]) {
      const response = await client.send('POST', '/api/v1/definitions', body, { token: designer });
      expectInvalidInput(response, 'body');
    }
  });

  it('answers 401 without a token', async () => {
    expect((await client.send('POST', '/api/v1/definitions', permit)).status).toBe(401);
  });

  describe('with a body that is not a JSON object within the limit', () => {
    itRejectsBadBodies(() => ({
      client,
      sql: harness.database.sql,
      method: 'POST',
      path: '/api/v1/definitions',
      options: { token: designer },
      maxBodyBytes: 1_048_576,
    }));
  });
});

describe('POST /definitions/validate', () => {
  it('answers no error diagnostics for a sound definition', async () => {
    const response = await client.send('POST', '/api/v1/definitions/validate', permit, { token: clerk });
    expect(response.status).toBe(200);
    expect(response.body.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
  });

  it('answers the diagnostics of a broken definition with 200, publishing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const response = await client.send('POST', '/api/v1/definitions/validate', broken, { token: designer });
    expect(response.status).toBe(200);
    expect(response.body.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'no-end-event', severity: 'error', message: expect.any(String) }),
    );
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  describe('with a body that is not a JSON object within the limit', () => {
    itRejectsBadBodies(() => ({
      client,
      sql: harness.database.sql,
      method: 'POST',
      path: '/api/v1/definitions/validate',
      options: { token: designer },
      maxBodyBytes: 1_048_576,
    }));
  });
});

describe('GET /definitions', () => {
  it('lists each workflow with its latest version and every version number', async () => {
    const response = await client.send('GET', '/api/v1/definitions', undefined, { token: clerk });
    expect(response.status).toBe(200);
    const item = response.body.items.find((i: { key: string }) => i.key === 'http-permit');
    expect(item).toMatchObject({ key: 'http-permit', version: 2, versions: [2, 1], name: '接口测试许可' });
  });
});

describe('GET /definitions/{key}/versions', () => {
  it('lists every version newest first with who published it, when, and the change note', async () => {
    const response = await client.send('GET', '/api/v1/definitions/http-permit/versions', undefined, { token: clerk });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({ version: 2, publishedBy: 'designer', publishedAt: '2026-03-02T01:00:00.000Z', changeNote: '复核改为 5 个工作日' }),
      expect.objectContaining({ version: 1, publishedBy: 'designer', changeNote: null }),
    ]);
  });

  it('answers 404 definition-not-found for a key never published', async () => {
    const response = await client.send('GET', '/api/v1/definitions/http-nothing/versions', undefined, { token: clerk });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('definition-not-found');
  });
});

describe('GET /definitions/{key}/versions/{version}', () => {
  it('answers one version with its definition and machine', async () => {
    const response = await client.send('GET', '/api/v1/definitions/http-permit/versions/1', undefined, { token: clerk });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ key: 'http-permit', version: 1, definition: { key: 'http-permit', version: 1 } });
    expect(response.body.definition.nodes.map((n: { id: string }) => n.id)).toContain('review');
    expect(response.body.machine).toEqual(expect.objectContaining({ states: expect.any(Object) }));
  });

  it('answers the newest version for latest', async () => {
    const response = await client.send('GET', '/api/v1/definitions/http-permit/versions/latest', undefined, { token: clerk });
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(2);
  });

  it('keeps the application form’s fields in the order the designer wrote them', async () => {
    const order = ['shopName', 'area', 'licenceNo', 'contactPhoneNumber', 'id'];
    const dataSchema = {
      type: 'object',
      properties: Object.fromEntries(order.map((key) => [key, { type: 'string', title: key }])),
    };
    const published = await client.send('POST', '/api/v1/definitions', { ...permit, key: 'http-form-order', dataSchema }, { token: designer });
    expect(published.status, published.text).toBe(201);
    const response = await client.send('GET', '/api/v1/definitions/http-form-order/versions/1', undefined, { token: clerk });
    expect(Object.keys(response.body.definition.dataSchema.properties)).toEqual(order);
  });

  it('answers 404 definition-not-found for a version never published', async () => {
    const response = await client.send('GET', '/api/v1/definitions/http-permit/versions/99', undefined, { token: clerk });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('definition-not-found');
  });

  it('names the path parameter that is neither a version number nor latest', async () => {
    expectInvalidInput(await client.send('GET', '/api/v1/definitions/http-permit/versions/0', undefined, { token: clerk }), 'path.version');
    expectInvalidInput(await client.send('GET', '/api/v1/definitions/Not_A_Key/versions/1', undefined, { token: clerk }), 'path.key');
  });
});

describe('GET /definitions/{key}/versions/{version}/xstate', () => {
  it('answers the machine and what it was compiled from', async () => {
    const response = await client.send('GET', '/api/v1/definitions/http-permit/versions/1/xstate', undefined, { token: clerk });
    expect(response.status).toBe(200);
    expect(response.body.meta).toEqual({ key: 'http-permit', version: 1, engine: expect.any(String) });
    expect(Object.keys(response.body.machine.states)).toEqual(expect.arrayContaining(['intake', 'review']));
  });
});

describe('GET /definitions/{key}/versions/{version}/xstate/module', () => {
  it('answers a module importing only xstate and feelin, with a README naming its tasks', async () => {
    const response = await client.send('GET', '/api/v1/definitions/http-permit/versions/1/xstate/module', undefined, { token: clerk });
    expect(response.status).toBe(200);
    expect(response.body.fileName).toBe('http-permit-v1.mjs');
    expect([...response.body.module.matchAll(/^import .* from '([^']+)';$/gm)].map((match: string[]) => match[1]).sort()).toEqual(['feelin', 'xstate']);
    expect(response.body.readme).toContain('`review`');
  });

  it('answers 404 for a version that does not exist', async () => {
    const response = await client.send('GET', '/api/v1/definitions/http-permit/versions/99/xstate/module', undefined, { token: clerk });
    expect(response.status).toBe(404);
  });
});
