/**
 * Manager and clerk lists at scale (`tsx bench/monitor-queries.ts --cases N --runs R`): N cases
 * with 5 tasks each loaded in bulk (`bulk-load.ts`, then `VACUUM (ANALYZE)`, as autovacuum leaves a
 * table that was written and then read: its visibility map set), then the first page (50 rows)
 * of the overdue list and the at-risk list of the city manager (every department in scope) and the
 * inbox of a district market-regulation clerk, through the runtime's own services
 * (`listOverdue`, `listAtRisk`, `listInbox`: the queries `GET /monitor/overdue`, `/monitor/at-risk`
 * and `/tasks` run). The SQL they ran is captured through drizzle's logger and run again under
 * `EXPLAIN (ANALYZE, BUFFERS)`; the plans go into the results. Target (DESIGN.md §10): ≤ 50 ms
 * with 1,000,000 cases and 5,000,000 tasks. Printed and handed to the suite; not asserted.
 */
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { FigureSink } from '@tongban/bench';
import { createVirtualClock } from '../src/clock/index.ts';
import * as schema from '../src/db/schema/index.ts';
import { createRuntime } from '../src/runtime.ts';
import { argument, withBenchServices } from './bench-system.ts';
import { viewerOf } from './bench-viewer.ts';
import { loadMonitorData, MONITOR_DATA_SHAPE } from './bulk-load.ts';
import { workflowFixtures } from '@tongban/workflows';

const CASES = argument('cases', 1_000_000);
const RUNS = argument('runs', 15);
const NOW = new Date('2026-03-02T10:00:00+08:00');
const sink = new FigureSink();

await withBenchServices(NOW, async ({ databaseUrl, redisUrl }) => {
  const client = postgres(databaseUrl, { max: 10, onnotice: () => undefined });
  let captured: { query: string; params: unknown[] }[] | undefined;
  const db = drizzle({ client, schema, casing: 'snake_case', logger: { logQuery: (query, params) => captured?.push({ query, params }) } });
  try {
    const clock = await createVirtualClock(db, NOW);
    const runtime = await createRuntime({ db, redisUrl, clock, logger: { info: () => undefined, error: (m, e) => console.error(m, e) } });
    try {
      const application = workflowFixtures.find((f) => f.id === 'large-restaurant');
      if (!application) throw new Error('The open-restaurant fixture large-restaurant is missing');
      const { case: template } = await runtime.createCase({
        definitionKey: 'open-restaurant',
        jurisdiction: application.jurisdiction,
        applicant: application.applicant,
        data: application.data,
        actor: { kind: 'apiKey', apiKeyId: 'bench', roles: [] },
      });
      const loading = performance.now();
      const loaded = await loadMonitorData(client, template.id, CASES, NOW);
      const loadSeconds = (performance.now() - loading) / 1000;
      const analysing = performance.now();
      await client`vacuum (analyze)`;
      console.log(`Loaded ${loaded.cases.toLocaleString('en-US')} cases and ${loaded.tasks.toLocaleString('en-US')} tasks in ${loadSeconds.toFixed(0)} s; VACUUM (ANALYZE) ${((performance.now() - analysing) / 1000).toFixed(0)} s`);
      const [size] = await client<{ cases: string; tasks: string }[]>`select pg_size_pretty(pg_total_relation_size('cases')) as cases, pg_size_pretty(pg_total_relation_size('tasks')) as tasks`;
      const [counts] = await client<{ overdue: number; at_risk: number; open: number }[]>`
        select count(*) filter (where sla_state = 'overdue' and status in ('open','claimed'))::int as overdue,
          count(*) filter (where sla_state = 'atRisk' and status in ('open','claimed'))::int as at_risk,
          count(*) filter (where status in ('open','claimed'))::int as open from tasks`;
      sink.detail('data', { cases: loaded.cases, tasks: loaded.tasks, loadSeconds: Math.round(loadSeconds), method: 'INSERT … SELECT over generate_series, one statement per table, then VACUUM (ANALYZE)', shape: MONITOR_DATA_SHAPE, sizeOnDisk: size, openTasks: counts });

      const manager = await viewerOf(db, 'city.manager');
      const clerk = await viewerOf(db, 'huangpu.market');
      const lists = [
        { name: 'overdue list, first page (city manager)', call: () => runtime.listOverdue(manager, { limit: 50 }) },
        { name: 'at-risk list, first page (city manager)', call: () => runtime.listAtRisk(manager, { limit: 50 }) },
        { name: 'inbox, first page (huangpu market-regulation clerk)', call: () => runtime.listInbox(clerk, { limit: 50 }) },
      ];
      for (const list of lists) {
        const samples: number[] = [];
        let total = 0;
        for (let run = -2; run < RUNS; run += 1) {
          const started = performance.now();
          const page = await list.call();
          const ms = performance.now() - started;
          total = page.total;
          if (run >= 0) samples.push(ms);
        }
        sink.add({ name: list.name, unit: 'ms', better: 'lower', samples, target: '≤ 50 ms', note: `${total.toLocaleString('en-US')} rows in the list; warm cache (2 unmeasured calls first); the service call as the route makes it, page and total count` });
        captured = [];
        await list.call();
        const statements = captured;
        captured = undefined;
        const plans: string[] = [];
        for (const statement of statements) {
          const rows = await client.unsafe(`explain (analyze, buffers) ${statement.query}`, statement.params as postgres.ParameterOrJSON<never>[]);
          plans.push(`${statement.query}\n\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
        }
        sink.detail(`plans: ${list.name}`, plans.join('\n\n----\n\n'));
        console.log(`${list.name}: median ${[...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]?.toFixed(1)} ms over ${RUNS} runs (${total} rows in the list)`);
      }
    } finally {
      await runtime.stop();
    }
  } finally {
    await client.end({ timeout: 5 });
  }
});
