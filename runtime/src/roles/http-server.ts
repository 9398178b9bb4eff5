import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { InfraError } from '../infra/infra-error.ts';

/**
 * Starts an HTTP server for `fetch` on `hostname:port` (0: a free port); resolves once it listens.
 * `setting` names where the port comes from, for the message of a port in use.
 */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  hostname: string,
  port: number,
  setting = 'PORT or --port',
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new InfraError('port-in-use', `Port ${port} on ${hostname} is in use: stop what holds it, or choose another with ${setting} (0 picks a free one)`)
          : error,
      );
    });
  });
}

/** The base URL a listening server answers at, e.g. `http://127.0.0.1:3000`. */
export function serverUrl(server: ServerType, hostname: string): string {
  const { port } = server.address() as AddressInfo;
  return `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
}

/**
 * Stops accepting connections and lets the requests in flight finish: idle keep-alive sockets are
 * closed at once and as they fall idle (Node's `close()` alone waits for them; pitfalls B36b), and
 * at `until` (epoch ms) every connection still open is cut. Answers what was cut, if anything.
 */
export async function drainServer(server: ServerType, until: number): Promise<string | void> {
  const http = server as Server;
  const closed = new Promise<void>((resolve) => http.close(() => resolve()));
  http.closeIdleConnections();
  const idle = setInterval(() => http.closeIdleConnections(), 100);
  let cut = 0;
  const deadline = setTimeout(
    () => {
      http.getConnections((_, count) => {
        cut = count;
        http.closeAllConnections();
      });
    },
    Math.max(0, until - Date.now()),
  );
  await closed;
  clearInterval(idle);
  clearTimeout(deadline);
  if (cut > 0) return `${cut} connection(s) with a request still in flight cut at the deadline`;
}
