import type { Hono } from 'hono';
import { httpTestClient, type HttpTestClient } from '../../http/support/http-test-client.ts';

/** The {@link HttpTestClient} of the HTTP tests, speaking to a running process at `baseUrl` over TCP. */
export function remoteClient(baseUrl: string): HttpTestClient {
  const app = {
    request: (input: string, init: RequestInit) => fetch(input.replace('http://localhost', baseUrl), init),
  };
  return httpTestClient(app as unknown as Hono);
}
