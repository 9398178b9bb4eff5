import type { Hono } from 'hono';

/** Credentials and headers of one test request. */
export interface TestRequestOptions {
  token?: string;
  apiKey?: string;
  headers?: Record<string, string>;
}

/** A thin client over `app.request(...)`: JSON in, status and parsed JSON out. */
export interface HttpTestClient {
  /** Sends `body` as JSON (omit it for a bodyless request). */
  send(method: string, path: string, body?: unknown, options?: TestRequestOptions): Promise<TestResponse>;
  /** Sends `init` as it is, for requests a JSON client would never make. */
  raw(method: string, path: string, init: RequestInit & { duplex?: 'half' }, options?: TestRequestOptions): Promise<TestResponse>;
  /** Signs `username` in with the demo password and returns the bearer token. */
  login(username: string): Promise<string>;
}

/** A response with its body parsed as JSON when it is JSON. */
export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** The demo users' password (`seed/organisation.json`). */
export const DEMO_PASSWORD = 'tongban123';

function credentials(options: TestRequestOptions = {}): Record<string, string> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  if (options.apiKey !== undefined) headers['X-Api-Key'] = options.apiKey;
  return headers;
}

async function read(response: Response): Promise<TestResponse> {
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  return { status: response.status, headers: response.headers, text, body: isJson && text !== '' ? JSON.parse(text) : undefined };
}

/** Creates an {@link HttpTestClient} on `app`. */
export function httpTestClient(app: Hono<any, any, any>): HttpTestClient {
  const raw: HttpTestClient['raw'] = async (method, path, init, options) => {
    const headers = { ...credentials(options), ...(init.headers as Record<string, string> | undefined) };
    return read(await app.request(`http://localhost${path}`, { ...init, method, headers }));
  };
  const send: HttpTestClient['send'] = (method, path, body, options) =>
    raw(
      method,
      path,
      body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } },
      options,
    );
  return {
    send,
    raw,
    async login(username) {
      const response = await send('POST', '/api/v1/auth/login', { username, password: DEMO_PASSWORD });
      if (response.status !== 200) throw new Error(`Login of '${username}' answered ${response.status}: ${response.text}`);
      return response.body.token as string;
    },
  };
}
