/**
 * Breach handling on the real clock (`tsx bench/breach-lateness.ts --timers N --batch B --runs R`):
 * N pending timers loaded in bulk (copies of a real case's timers, due over the next days), armed
 * as delayed BullMQ jobs by a worker process at its start (`startWorkers` re-arms every pending
 * row). Then, R times: B more copies whose statutory-limit (`taskBreach`) timers are all due at one
 * instant 12 s ahead, armed the way a step arms them (an outbox row `timer.schedule`,
 * dispatched by the worker's sweeper); once every one has fired, lateness = `fired_at − due_at`
 * from the timers table. Figures: min, p50, p99 and max lateness per batch (the min is the delay
 * before the first breach is handled, the rest grows with the queue of the batch). Target
 * (DESIGN.md §10): p99 ≤ 1 s with 100,000 pending. Printed and handed to the suite; not asserted.
 * With `TONGBAN_BENCH_CPU_PROF=<folder>` the worker runs under the CPU profiler and each batch's
 * window (due instant to last breach handled) goes to `<folder>/window.json`, for
 * `npm run cpu-profile -w @tongban/bench -- <folder>`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FigureSink, percentile } from '@tongban/bench';
import { systemClock } from '../src/clock/index.ts';
import { createDb } from '../src/db/client.ts';
import { createRuntime } from '../src/runtime.ts';
import { argument, withBenchServices } from './bench-system.ts';
import { cloneCase } from './bulk-load.ts';
import { residentMiB, startWorkerProcess } from './role-processes.ts';
import { fileTemplateCase } from './template-case.ts';

const TIMERS = argument('timers', 100_000);
const BATCH = argument('batch', 500);
const RUNS = argument('runs', 5);
/** How far ahead of now a batch is due: the sweeper (every 5 s, rows older than 2 s) must have armed it. */
const LEAD_MS = 12_000;
const sink = new FigureSink();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await withBenchServices(new Date(), async (services) => {
  const handle = createDb(services.databaseUrl, { max: 4 });
  const runtime = await createRuntime({ db: handle.db, redisUrl: services.redisUrl, clock: systemClock, logger: { info: () => undefined, error: (m, e) => console.error(m, e) } });
  try {
    const template = await fileTemplateCase(runtime);
    const [perCase] = await handle.sql<{ n: number }[]>`select count(*)::int as n from timers where case_id = ${template.caseId} and status = 'pending'`;
    const copies = Math.ceil(TIMERS / Math.max(1, perCase?.n ?? 1));
    const loading = performance.now();
    const background = await cloneCase(handle.sql, template.caseId, copies, { tag: 'bg', spreadMinutes: 7 * 24 * 60 });
    console.log(`Loaded ${background.cases.toLocaleString('en-US')} open cases with ${background.pendingTimers.toLocaleString('en-US')} pending timers in ${((performance.now() - loading) / 1000).toFixed(1)} s`);
    await handle.sql`analyze`;
    const starting = performance.now();
    const worker = await startWorkerProcess(services);
    const armSeconds = (performance.now() - starting) / 1000;
    console.log(`Worker process up in ${armSeconds.toFixed(1)} s (every pending timer re-armed as a delayed job)`);
    const p50s: number[] = [];
    const p99s: number[] = [];
    const maxima: number[] = [];
    const minima: number[] = [];
    /** Each batch from its due instant to its last breach handled, on the CPU profiler's clock (`TONGBAN_BENCH_CPU_PROF`). */
    const windows: { startMicros: number; endMicros: number }[] = [];
    try {
      for (let run = 0; run < RUNS; run += 1) {
        const tag = `b${run}-`;
        await cloneCase(handle.sql, template.caseId, BATCH, { tag });
        const dueAt = new Date(Date.now() + LEAD_MS);
        const pattern = `${template.caseId}.${tag}%`;
        const batch = await handle.sql.begin(async (tx) => {
          const timers = await tx<{ id: string }[]>`
            update timers set due_at = ${dueAt.toISOString()}::timestamptz where case_id like ${pattern} and kind = 'taskBreach' and status = 'pending' returning id`;
          await tx`update tasks set due_at = ${dueAt.toISOString()}::timestamptz where id in (select task_id from timers where case_id like ${pattern} and kind = 'taskBreach')`;
          for (let i = 0; i < timers.length; i += 1_000) {
            const rows = timers.slice(i, i + 1_000).map((t) => ({ topic: 'timer.schedule', payload: JSON.stringify({ timerId: t.id, dueAt: dueAt.toISOString() }) }));
            await tx`insert into outbox (topic, payload, created_at) select topic, payload::jsonb, now() from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(topic text, payload text)`;
          }
          return timers.length;
        });
        await sleep(Math.max(0, dueAt.getTime() - Date.now()));
        const startMicros = Number(process.hrtime.bigint() / 1_000n);
        const deadline = Date.now() + 120_000;
        let latenessMs: number[] = [];
        for (;;) {
          const rows = await handle.sql<{ ms: number }[]>`
            select extract(epoch from (fired_at - due_at)) * 1000 as ms from timers
            where case_id like ${pattern} and kind = 'taskBreach' and status = 'fired'`;
          latenessMs = rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
          if (latenessMs.length >= batch || Date.now() > deadline) break;
          await sleep(250);
        }
        windows.push({ startMicros, endMicros: Number(process.hrtime.bigint() / 1_000n) });
        if (latenessMs.length < batch) throw new Error(`Only ${latenessMs.length} of ${batch} breach timers fired within 120 s of their due instant`);
        p50s.push(percentile(latenessMs, 0.5));
        p99s.push(percentile(latenessMs, 0.99));
        maxima.push(latenessMs.at(-1) as number);
        minima.push(latenessMs[0] as number);
        console.log(`batch ${run + 1}: ${batch} breaches due at once; lateness min ${(latenessMs[0] as number).toFixed(0)} ms, p50 ${percentile(latenessMs, 0.5).toFixed(0)} ms, p99 ${percentile(latenessMs, 0.99).toFixed(0)} ms, max ${(latenessMs.at(-1) as number).toFixed(0)} ms`);
      }
      sink.detail('worker RSS at the end', `${residentMiB(worker.pid).toFixed(0)} MiB`);
    } finally {
      await worker.stop();
      const profiles = process.env.TONGBAN_BENCH_CPU_PROF;
      if (profiles) await writeFile(path.join(profiles, 'window.json'), `${JSON.stringify({ windows }, null, 2)}\n`);
    }
    const note = `${BATCH} statutory-limit timers due at the same instant, ${background.pendingTimers.toLocaleString('en-US')} other pending timers armed; one worker process (timer concurrency 4)`;
    sink.add({ name: `breach lateness min (first handled), ${BATCH} due at once`, unit: 'ms', better: 'lower', samples: minima });
    sink.add({ name: `breach lateness p50, ${BATCH} due at once`, unit: 'ms', better: 'lower', samples: p50s, note });
    sink.add({ name: `breach lateness p99, ${BATCH} due at once`, unit: 'ms', better: 'lower', samples: p99s, target: '≤ 1,000 ms', note });
    sink.add({ name: `breach lateness max, ${BATCH} due at once`, unit: 'ms', better: 'lower', samples: maxima });
    sink.add({ name: 'worker start with every pending timer re-armed', unit: 's', better: 'lower', samples: [armSeconds], note: `${background.pendingTimers.toLocaleString('en-US')} pending timers: recount, re-arm (addBulk of 1,000), sweep` });
    sink.detail('load', { openCases: background.cases, pendingTimers: background.pendingTimers, method: 'copies of a real case at intake (INSERT … SELECT), pending due dates spread over 7 days' });
  } finally {
    await runtime.stop();
    await handle.close();
  }
});
