/**
 * Recount benchmark (`npm run bench -w @tongban/runtime`, or `tsx bench/recount.ts --cases N
 * --runs R`): how long loading a year's holiday notice takes when it moves the deadlines of N open
 * cases. On an embedded PostgreSQL and a local Redis of its own (a temporary folder), a virtual
 * clock at Monday 28 December 2026 10:00, N `open-restaurant` cases are filed (their intake limits
 * run into 2027, so they are provisional); then notices for 2027 are loaded in turn that alternately
 * make 1 January a day off and a working day (made-up test data, not the State Council's), so every
 * load moves every case. Prints each load's time and the median, min and max over the runs, and per
 * case; printed, not asserted.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { workflowFixtures } from '@tongban/workflows';
import type { CalendarYear } from '@tongban/engine';
import { createVirtualClock } from '../src/clock/index.ts';
import { createDb } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { loadConfig } from '../src/infra/config.ts';
import { startLocalServices } from '../src/infra/local-services.ts';
import { createRuntime } from '../src/runtime.ts';
import { seedAll } from '../src/seed/seed-all.ts';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? fallback : Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number above 0`);
  return value;
};
const CASES = argument('cases', 500);
const RUNS = argument('runs', 6);
const START = new Date('2026-12-28T10:00:00+08:00');

/** A made-up 2027 notice: 1 January off (`off`) or no holiday at all. */
function notice(off: boolean): CalendarYear {
  return {
    year: 2027,
    source: { title: 'Hypothetical 2027 notice (benchmark data)', documentNumber: 'BENCH-2027', issued: '2026-11-01', url: 'https://example.org/bench-2027' },
    holidays: off ? [{ name: '元旦', daysOff: { from: '2027-01-01', to: '2027-01-01' }, makeUpWorkdays: [] }] : [],
  };
}

function figure(samples: readonly number[], digits: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  return `median ${median.toFixed(digits)} ms (min ${(sorted[0] as number).toFixed(digits)}, max ${(sorted.at(-1) as number).toFixed(digits)})`;
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'tongban-bench-'));
// PostgreSQL runs as its own user when this runs as root: it must reach the folder.
await chmod(dataDir, 0o755);
const config = loadConfig({ ...process.env, DATABASE_URL: '', REDIS_URL: '', TONGBAN_DATA_DIR: path.join(dataDir, 'postgres') });
const services = await startLocalServices(config, { redis: true, notice: (line) => console.log(line) });
try {
  await migrateDatabase(services.databaseUrl);
  const handle = createDb(services.databaseUrl, { max: 10 });
  try {
    const clock = await createVirtualClock(handle.db, START);
    await seedAll(handle.db, { now: clock.now() });
    const runtime = await createRuntime({ db: handle.db, redisUrl: services.redisUrl, clock, logger: { info: () => undefined, error: (m, e) => console.error(m, e) } });
    try {
      await runtime.startWorkers();
      const application = workflowFixtures.find((f) => f.id === 'large-restaurant');
      if (!application) throw new Error('The open-restaurant fixture large-restaurant is missing');
      const filing = performance.now();
      for (let n = 0; n < CASES; n += 1) {
        await runtime.createCase({
          definitionKey: 'open-restaurant',
          jurisdiction: application.jurisdiction,
          applicant: application.applicant,
          data: application.data,
          actor: { kind: 'apiKey', apiKeyId: 'bench', roles: [] },
        });
      }
      console.log(`Filed ${CASES} open-restaurant cases at ${START.toISOString()} in ${((performance.now() - filing) / 1000).toFixed(1)} s`);
      const admin = { kind: 'user' as const, roles: ['admin'] };
      const times: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const started = performance.now();
        const { recount } = await runtime.putCalendarNotice('cn-mainland', 2027, notice(run % 2 === 0), admin);
        const ms = performance.now() - started;
        times.push(ms);
        console.log(`load ${run + 1}: ${ms.toFixed(0)} ms — ${recount.cases} cases looked at, ${recount.changedCases} changed, ${recount.timers} timers re-armed`);
      }
      console.log(`Loading a notice that moves ${CASES} open cases: ${figure(times, 0)}; per case ${figure(times.map((t) => t / CASES), 2)}`);
    } finally {
      await runtime.stop();
    }
  } finally {
    await handle.close();
  }
} finally {
  await services.stop();
  await rm(dataDir, { recursive: true, force: true });
}
