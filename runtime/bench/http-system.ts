import { systemClock } from '../src/clock/index.ts';
import { createDb, type DbHandle } from '../src/db/client.ts';
import { createRuntime } from '../src/runtime.ts';
import { withBenchServices, type BenchServices } from './bench-system.ts';
import { cloneCase } from './bulk-load.ts';
import type { CompletionLoad } from './load-generators.ts';
import { startApiProcesses, startWorkerProcess, type RoleProcess } from './role-processes.ts';
import { fileTemplateCase, intakeCompletion } from './template-case.ts';

/** A system for the HTTP benchmarks: API processes and a worker process on the real clock. */
export interface HttpSystem {
  services: BenchServices;
  /** Base URLs of the API processes. */
  urls: string[];
  apis: RoleProcess[];
  worker: RoleProcess;
  /** The bench's own pool on the database (for preparing data). */
  database: DbHandle;
  /** The template case's snapshot, as JSON text. */
  snapshot: string;
  /** Copies the template case `count` times and returns a load completing their intake tasks as `huangpu.intake`. */
  prepare(count: number, tag: string): Promise<CompletionLoad>;
}

/** The demo clerk who completes the intake tasks, and the demo password. */
const CLERK = { username: 'huangpu.intake', password: 'tongban123' };

/**
 * Starts PostgreSQL and Redis (`withBenchServices`), files a template `open-restaurant` case,
 * starts one worker process and `apiCount` API processes, signs the clerk in through the API,
 * runs `work`, and stops everything.
 */
export async function withHttpSystem(apiCount: number, work: (system: HttpSystem) => Promise<void>): Promise<void> {
  await withBenchServices(new Date(), async (services) => {
    const database = createDb(services.databaseUrl, { max: 4 });
    try {
      const runtime = await createRuntime({ db: database.db, redisUrl: services.redisUrl, clock: systemClock });
      const template = await fileTemplateCase(runtime).finally(() => runtime.stop());
      const [row] = await database.sql<{ snapshot: string }[]>`select snapshot::text as snapshot from cases where id = ${template.caseId}`;
      const worker = await startWorkerProcess(services);
      try {
        const apis = await startApiProcesses(services, apiCount);
        try {
          const urls = apis.map((api) => api.url as string);
          const login = await fetch(`${urls[0]}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(CLERK),
          });
          if (!login.ok) throw new Error(`Signing in as ${CLERK.username} failed: ${login.status} ${await login.text()}`);
          const { token } = (await login.json()) as { token: string };
          const body = intakeCompletion();
          await work({
            services,
            urls,
            apis,
            worker,
            database,
            snapshot: row?.snapshot ?? '{}',
            async prepare(count, tag) {
              await cloneCase(database.sql, template.caseId, count, { tag, spreadMinutes: 24 * 60 });
              return { token, body, taskIds: Array.from({ length: count }, (_, n) => `${template.intakeTaskId}.${tag}${n + 1}`) };
            },
          });
        } finally {
          await Promise.all(apis.map((api) => api.stop()));
        }
      } finally {
        await worker.stop();
      }
    } finally {
      await database.close();
    }
  });
}
