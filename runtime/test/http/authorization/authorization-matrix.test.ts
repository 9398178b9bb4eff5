import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_KEY, startHttp } from '../support/http-harness.ts';
import type { HttpHarness } from '../support/http-harness.ts';
import type { TestRequestOptions } from '../support/http-test-client.ts';
import { AUTHORIZATION_MATRIX, CALLERS, type Caller } from './authorization-matrix.ts';
import { MATRIX_REQUESTS, publishMatrixWorkflows, type MatrixContext } from './matrix-requests.ts';

/** The demo user each caller of the matrix signs in as. */
const USERNAMES: Record<Exclude<Caller, 'anon' | 'key'>, string> = {
  own: 'huangpu.market',
  oth: 'huangpu.fire',
  mIn: 'huangpu.manager',
  mOut: 'xuhui.manager',
  sup: 'huangpu.supervisor',
  des: 'designer',
  adm: 'admin',
};

let harness: HttpHarness;
let context: MatrixContext;
let documentedRoutes: string[];

beforeAll(async () => {
  harness = await startHttp({
    services: {
      registry: async () => {
        throw new Error('registry unreachable');
      },
    },
  });
  await publishMatrixWorkflows(harness);
  const tokens = new Map<string, Promise<string>>();
  const shared = new Map<string, Promise<unknown>>();
  context = {
    harness,
    token: (username) => {
      if (!tokens.has(username)) tokens.set(username, harness.client.login(username));
      return tokens.get(username) as Promise<string>;
    },
    once: <T>(key: string, make: () => Promise<T>) => {
      if (!shared.has(key)) shared.set(key, make());
      return shared.get(key) as Promise<T>;
    },
  };
  const document = (await harness.client.send('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  documentedRoutes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
});

afterAll(async () => {
  await harness.close();
});

async function credentials(caller: Caller, freshSession: boolean): Promise<TestRequestOptions> {
  if (caller === 'anon') return {};
  if (caller === 'key') return { apiKey: PORTAL_KEY };
  const username = USERNAMES[caller];
  return { token: freshSession ? await harness.client.login(username) : await context.token(username) };
}

describe('the authorization matrix', () => {
  it('has a row for every route of the OpenAPI document, and none for a route the document lacks', () => {
    const rows = Object.keys(AUTHORIZATION_MATRIX);
    const missing = documentedRoutes.filter((route) => !rows.includes(route));
    const stale = rows.filter((route) => !documentedRoutes.includes(route));
    expect(
      missing,
      missing.map((route) => `Route '${route}' has no row in test/http/authorization/authorization-matrix.ts: add one stating the status each caller gets`).join('\n'),
    ).toEqual([]);
    expect(stale, stale.map((route) => `Row '${route}' names a route the OpenAPI document does not hold`).join('\n')).toEqual([]);
  });

  for (const [route, row] of Object.entries(AUTHORIZATION_MATRIX)) {
    const [method, template] = route.split(' ') as [string, string];
    describe(route, () => {
      CALLERS.forEach((caller, column) => {
        const status = row.expect[column] as number;
        it(`answers ${status} to ${caller}`, async () => {
          const make = MATRIX_REQUESTS[row.request];
          if (!make) throw new Error(`Row '${route}' names request '${row.request}', which matrix-requests.ts does not define`);
          const request = await make(context);
          const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
            const value = request.params?.[name];
            if (value === undefined) throw new Error(`Request '${row.request}' gives no '${name}' for ${route}`);
            return encodeURIComponent(value);
          });
          const options = await credentials(caller, request.freshSession === true);
          const response = await harness.client.raw(
            method.toUpperCase(),
            request.query ? `${path}?${request.query}` : path,
            request.body === undefined
              ? { headers: { ...request.headers } }
              : { body: JSON.stringify(request.body), headers: { 'Content-Type': 'application/json', ...request.headers } },
            options,
          );
          expect(response.status, `${route} as ${caller}: ${response.text}`).toBe(status);
          if (status >= 400) expect(response.body.error.code, response.text).toEqual(expect.any(String));
        });
      });
    });
  }
});
