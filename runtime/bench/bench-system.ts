/**
 * What the runtime benchmarks run on: an embedded PostgreSQL and a local Redis of their own (data
 * in a temporary folder, removed afterwards), migrated and seeded, a virtual clock, and a runtime
 * with its workers; plus the helpers their reports share.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { workflowFixtures, type WorkflowFixture } from '@tongban/workflows';
import { createVirtualClock } from '../src/clock/index.ts';
import { createDb, type Db } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { loadConfig } from '../src/infra/config.ts';
import { startLocalServices } from '../src/infra/local-services.ts';
import { createRuntime, type Runtime } from '../src/runtime.ts';
import { seedAll } from '../src/seed/seed-all.ts';

/** A running system for one benchmark. */
export interface BenchSystem {
  runtime: Runtime;
  db: Db;
  databaseUrl: string;
  /** The `open-restaurant` fixture `large-restaurant`: every branch applies. */
  application: WorkflowFixture;
}

/** The whole number given as `--name N` on the command line, or `fallback`. */
export function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? fallback : Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number above 0`);
  return value;
}

/** The value at fraction `p` (0–1) of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

/** `median X unit (min Y, max Z)` of `samples`. */
export function figure(samples: readonly number[], unit: string, digits: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${percentile(sorted, 0.5).toFixed(digits)} ${unit} (min ${(sorted[0] as number).toFixed(digits)}, max ${(sorted.at(-1) as number).toFixed(digits)})`;
}

/** PostgreSQL and Redis of a benchmark's own, migrated and seeded. */
export interface BenchServices {
  databaseUrl: string;
  redisUrl: string;
}

/**
 * Starts an embedded PostgreSQL and a local Redis with data in a fresh temporary folder, migrates
 * and seeds the database (seed instant `seedAt`), runs `work`, then stops both and removes the folder.
 */
export async function withBenchServices(seedAt: Date, work: (services: BenchServices) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tongban-bench-'));
  // PostgreSQL runs as its own user when this runs as root: it must reach the folder.
  await chmod(dataDir, 0o755);
  const config = loadConfig({ ...process.env, DATABASE_URL: '', REDIS_URL: '', TONGBAN_DATA_DIR: path.join(dataDir, 'postgres') });
  const services = await startLocalServices(config, { redis: true, notice: (line) => console.log(line) });
  try {
    await migrateDatabase(services.databaseUrl);
    const handle = createDb(services.databaseUrl, { max: 2 });
    try {
      await seedAll(handle.db, { now: seedAt });
    } finally {
      await handle.close();
    }
    await work({ databaseUrl: services.databaseUrl, redisUrl: services.redisUrl });
  } finally {
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Starts a system with its virtual clock at `start`, runs `work` on it, and stops and removes everything. */
export async function withBenchSystem(start: Date, work: (system: BenchSystem) => Promise<void>): Promise<void> {
  const application = workflowFixtures.find((f) => f.id === 'large-restaurant');
  if (!application) throw new Error('The open-restaurant fixture large-restaurant is missing');
  await withBenchServices(start, async ({ databaseUrl, redisUrl }) => {
    const handle = createDb(databaseUrl, { max: 20 });
    try {
      const clock = await createVirtualClock(handle.db, start);
      const runtime = await createRuntime({
        db: handle.db,
        redisUrl,
        clock,
        logger: { info: () => undefined, error: (message, error) => console.error(message, error) },
      });
      try {
        await runtime.startWorkers();
        await work({ runtime, db: handle.db, databaseUrl, application });
      } finally {
        await runtime.stop();
      }
    } finally {
      await handle.close();
    }
  });
}

/** Files one `application` case through the runtime, as the citizen portal would. */
export async function fileApplication({ runtime, application }: BenchSystem): Promise<string> {
  const { case: filed } = await runtime.createCase({
    definitionKey: 'open-restaurant',
    jurisdiction: application.jurisdiction,
    applicant: application.applicant,
    data: application.data,
    actor: { kind: 'apiKey', apiKeyId: 'bench', roles: [] },
  });
  return filed.id;
}
