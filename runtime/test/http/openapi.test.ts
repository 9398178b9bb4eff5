import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';

let harness: HttpHarness;
let document: any;

/** The routes of DESIGN.md §7, and the ones added beside them. */
const CONTRACT = [
  'post /api/v1/auth/login',
  'get /api/v1/me',
  'get /api/v1/definitions',
  'get /api/v1/definitions/{key}/versions/{version}',
  'post /api/v1/definitions/validate',
  'post /api/v1/definitions',
  'get /api/v1/definitions/{key}/versions/{version}/xstate',
  'post /api/v1/cases',
  'post /api/v1/cases/{id}/supplement',
  'get /api/v1/cases',
  'get /api/v1/cases/{id}',
  'get /api/v1/tasks',
  'post /api/v1/tasks/{id}/claim',
  'post /api/v1/tasks/{id}/complete',
  'get /api/v1/monitor/overdue',
  'get /api/v1/monitor/at-risk',
  'post /api/v1/clock/advance',
];
const ADDED = [
  'post /api/v1/definitions/{key}/migrations/dry-run',
  'post /api/v1/definitions/{key}/migrations',
  'get /api/v1/definitions/{key}/versions/{version}/xstate/module',
  'post /api/v1/auth/logout',
  'get /api/v1/definitions/{key}/versions',
  'get /api/v1/jurisdictions',
  'get /api/v1/departments',
  'get /api/v1/users',
  'get /api/v1/roles',
  'get /api/v1/services',
  'get /api/v1/monitor/escalations',
  'get /api/v1/monitor/load',
  'get /api/v1/monitor/heat',
  'get /api/v1/monitor/series',
  'post /api/v1/monitor/forecast',
  'get /api/v1/clock',
  'post /api/v1/cases/{id}/withdraw',
  'post /api/v1/cases/{id}/suspend',
  'post /api/v1/cases/{id}/resume',
  'get /api/v1/incidents',
  'post /api/v1/incidents/{id}/retry',
  'post /api/v1/tasks/{id}/extension',
  'post /api/v1/tasks/{id}/extension/approve',
  'post /api/v1/tasks/{id}/extension/refuse',
  'get /api/v1/tasks/extension-requests',
  'get /api/v1/calendars',
  'get /api/v1/calendars/{key}',
  'put /api/v1/calendars/{key}',
  'put /api/v1/calendars/{key}/notices/{year}',
  'put /api/v1/jurisdictions/{id}/calendar',
  'get /api/v1/tasks/{id}',
  'get /api/v1/tasks/done',
  'post /api/v1/tasks/{id}/unclaim',
  'post /api/v1/tasks/{id}/withdraw',
  'post /api/v1/tasks/{id}/transfer',
  'post /api/v1/tasks/{id}/delegate',
  'post /api/v1/tasks/{id}/resolve',
  'post /api/v1/tasks/{id}/comments',
  'post /api/v1/tasks/{id}/copies',
  'post /api/v1/tasks/reassign',
  'get /api/v1/copies',
  'post /api/v1/copies/{id}/read',
  'post /api/v1/cases/{id}/urge',
  'post /api/v1/tasks/{id}/signers',
  'post /api/v1/tasks/{id}/remove-signer',
  'get /api/v1/tasks/{id}/return-preview',
  'get /api/v1/me/notifications',
  'post /api/v1/me/notifications/{id}/read',
  'post /api/v1/me/notifications/read-all',
  'post /api/v1/webhooks',
  'get /api/v1/webhooks',
  'delete /api/v1/webhooks/{id}',
  'get /api/v1/webhooks/{id}/deliveries',
  'get /api/v1/intake/cases/{id}',
];

/**
 * Strings whose pattern fixes their length though no maxLength is stated. `to` of the clock: an
 * ISO 8601 instant, the clock's body being reworked beside its range check.
 */
const BOUNDED_BY_PATTERN = new Set(['post /api/v1/clock/advance body.to']);

const documented = () =>
  Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method} ${path}`),
  );

beforeAll(async () => {
  harness = await startHttp();
  const response = await harness.client.send('GET', '/api/openapi.json');
  expect(response.status).toBe(200);
  document = response.body;
});

afterAll(async () => {
  await harness.close();
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document of the Tongban API, readable without signing in', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Tongban API');
  });

  it('lists every route of the contract and the ones added beside it, and no other', () => {
    expect(documented().sort()).toEqual([...CONTRACT, ...ADDED].sort());
  });

  it('documents every route the app answers under /api/v1', () => {
    const served = harness.app.routes
      .filter((route) => route.path.startsWith('/api/v1/') && route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:([^/]+)/g, '{$1}')}`);
    expect([...new Set(served)].sort()).toEqual(documented().sort());
  });

  it('describes each JSON body as required, with its schema', () => {
    const withBodies = [
      'post /api/v1/auth/login',
      'post /api/v1/definitions/validate',
      'post /api/v1/definitions',
      'post /api/v1/cases',
      'post /api/v1/cases/{id}/supplement',
      'post /api/v1/cases/{id}/withdraw',
      'post /api/v1/cases/{id}/suspend',
      'post /api/v1/cases/{id}/resume',
      'post /api/v1/tasks/{id}/complete',
      'post /api/v1/tasks/{id}/extension',
      'post /api/v1/clock/advance',
    ];
    for (const entry of withBodies) {
      const [method, path] = entry.split(' ') as [string, string];
      const body = document.paths[path][method].requestBody;
      expect(body?.required, entry).toBe(true);
      expect(body.content['application/json'].schema, entry).toBeDefined();
      expect(Object.keys(document.paths[path][method].responses), entry).toEqual(expect.arrayContaining(['400', '413', '415']));
    }
  });

  it('states a maximum size for every string, array and object of every request body', () => {
    const unbounded: string[] = [];
    const visit = (schema: any, where: string): void => {
      if (schema.$ref) return visit(document.components.schemas[schema.$ref.split('/').pop()], where);
      for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) visit(part, where);
      const types = [schema.type].flat();
      if (types.includes('string') && schema.enum === undefined && schema.maxLength === undefined && !BOUNDED_BY_PATTERN.has(where)) unbounded.push(where);
      if (types.includes('array')) {
        if (schema.maxItems === undefined) unbounded.push(where);
        if (schema.items) visit(schema.items, `${where}[]`);
      }
      if (types.includes('object')) {
        if (schema.additionalProperties !== false && schema.maxProperties === undefined) unbounded.push(where);
        for (const [key, property] of Object.entries(schema.properties ?? {})) visit(property, `${where}.${key}`);
      }
    };
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (schema) visit(schema, `${method} ${path} body`);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('names the fields of a request body and the header of intake', () => {
    const login = document.components.schemas.LoginRequest;
    expect(login.required).toEqual(['username', 'password']);
    const parameters = document.paths['/api/v1/cases'].post.parameters;
    expect(parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }));
    expect(document.components.schemas.CreateCaseRequest.required).toEqual(['definitionKey', 'jurisdiction', 'applicant', 'data']);
  });

  it('describes the paging parameters as integers with their bounds', () => {
    const parameters = document.paths['/api/v1/monitor/overdue'].get.parameters;
    expect(parameters).toContainEqual(
      expect.objectContaining({ name: 'limit', in: 'query', schema: expect.objectContaining({ type: 'integer', minimum: 1, maximum: 200 }) }),
    );
    expect(parameters).toContainEqual(
      expect.objectContaining({ name: 'offset', in: 'query', schema: expect.objectContaining({ type: 'integer', minimum: 0 }) }),
    );
  });

  it('gives every error answer the one error shape', () => {
    expect(document.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses as Record<string, any>)) {
          if (Number(status) < 400) continue;
          expect(response.content['application/json'].schema, `${method} ${path} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
        }
      }
    }
  });

  it('states how each route is authenticated', () => {
    expect(document.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    });
    expect(document.paths['/api/v1/auth/login'].post.security).toBeUndefined();
    expect(document.paths['/api/v1/tasks'].get.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/v1/cases'].post.security).toEqual([{ apiKey: [] }, { bearer: [] }]);
  });
});
