/**
 * One Tongban role in a process of its own, for the HTTP benchmarks (`role-processes.ts` starts
 * it): `api` serves the HTTP app (`createApp` on `@hono/node-server`, no workers) on `PORT`;
 * `worker` runs the timer and service workers and the outbox sweeper. Both on the system clock,
 * against `DATABASE_URL` and `REDIS_URL` (intake keys `TONGBAN_INTAKE_API_KEYS`); `TONGBAN_BENCH_POOL` sets the database pool (default 20).
 * Prints `ready` (with the URL for `api`) once serving; stops in order on SIGTERM.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { systemClock } from '../src/clock/index.ts';
import { createDb } from '../src/db/client.ts';
import { createApp } from '../src/http/app.ts';
import { createRuntime } from '../src/runtime.ts';

const role = process.argv[2];
const { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl } = process.env;
if ((role !== 'api' && role !== 'worker') || !databaseUrl || !redisUrl) {
  throw new Error('Usage: DATABASE_URL=… REDIS_URL=… [PORT=…] role-process.ts api|worker');
}
const handle = createDb(databaseUrl, { max: Number(process.env.TONGBAN_BENCH_POOL ?? 20), applicationName: `tongban-bench-${role}` });
const runtime = await createRuntime({
  db: handle.db,
  redisUrl,
  clock: systemClock,
  logger: { info: () => undefined, error: (message, error) => console.error(message, error) },
});
let server: Server | undefined;
if (role === 'worker') {
  await runtime.startWorkers();
  console.log('ready');
} else {
  const app = createApp(runtime, { intakeApiKeys: (process.env.TONGBAN_INTAKE_API_KEYS ?? '').split(',').filter(Boolean), logger: { error: (message, error) => console.error(message, error) } });
  const port = Number(process.env.PORT);
  server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve(started as Server));
  });
  console.log(`ready http://127.0.0.1:${port}`);
}
process.once('SIGTERM', () => {
  void (async () => {
    if (server) {
      const closed = new Promise<void>((resolve) => server?.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
    await runtime.stop();
    await handle.close();
    process.exit(0);
  })();
});
