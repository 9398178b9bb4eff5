/**
 * What one completion asks of PostgreSQL (`tsx bench/completion-statements.ts --tasks N`): N intake
 * completions of `open-restaurant`, one at a time, through `runtime.completeTask` on the real clock,
 * counting every statement the runtime's postgres.js client sends (its `debug` hook) and reading
 * PostgreSQL's own account of the time spent (`pg_stat_database.active_time`: milliseconds spent
 * executing statements, which includes the foreign-key checks; `xact_commit`: commits). Prints the
 * statements of one completion in order, and per completion: statements, commits, server time.
 */
import { performance } from 'node:perf_hooks';
import { FigureSink } from '@tongban/bench';
import { systemClock } from '../src/clock/index.ts';
import { createDb } from '../src/db/client.ts';
import { createRuntime } from '../src/runtime.ts';
import { argument, withBenchServices } from './bench-system.ts';
import { viewerOf } from './bench-viewer.ts';
import { cloneCase } from './bulk-load.ts';
import { fileTemplateCase, intakeCompletion } from './template-case.ts';

const TASKS = argument('tasks', 300);
const sink = new FigureSink();

await withBenchServices(new Date(), async (services) => {
  const sent: string[] = [];
  const handle = createDb(services.databaseUrl, { max: 20, debug: (_connection, query) => sent.push(query) });
  const stats = createDb(services.databaseUrl, { max: 1 });
  const runtime = await createRuntime({ db: handle.db, redisUrl: services.redisUrl, clock: systemClock, logger: { info: () => undefined, error: (m, e) => console.error(m, e) } });
  try {
    await runtime.startWorkers();
    const template = await fileTemplateCase(runtime);
    const clerk = await viewerOf(handle.db, 'huangpu.intake');
    const input = intakeCompletion();
    await cloneCase(handle.sql, template.caseId, TASKS + 1, { tag: 'p' });
    const taskIds = Array.from({ length: TASKS + 1 }, (_, n) => `${template.intakeTaskId}.p${n + 1}`);
    await runtime.completeTask(taskIds[0] as string, clerk, input);
    sent.length = 0;
    await runtime.completeTask(taskIds[1] as string, clerk, input);
    const statementsOfOne = sent.map((query) => query.replace(/\s+/g, ' '));
    console.log('Statements of one completion, in order:');
    for (const query of statementsOfOne) console.log(`  ${query.slice(0, 160)}`);
    const read = async () => {
      const [row] = await stats.sql<{ active: number; commits: string }[]>`select active_time as active, xact_commit::text as commits from pg_stat_database where datname = current_database()`;
      return { active: Number(row?.active ?? 0), commits: Number(row?.commits ?? 0) };
    };
    // pg_stat_database is flushed by each backend at most once a second; wait for the last flush.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    sent.length = 0;
    const before = await read();
    const started = performance.now();
    for (const taskId of taskIds.slice(2)) await runtime.completeTask(taskId, clerk, input);
    const wallMs = performance.now() - started;
    const statements = sent.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const after = await read();
    const n = TASKS - 1;
    const perCompletion = { statements: statements / n, commits: (after.commits - before.commits - 1) / n, serverMs: (after.active - before.active) / n, wallMs: wallMs / n };
    console.log(`Per completion over ${n}: ${perCompletion.statements.toFixed(1)} statements, ${perCompletion.commits.toFixed(2)} commits, ${perCompletion.serverMs.toFixed(2)} ms executing in PostgreSQL, ${perCompletion.wallMs.toFixed(1)} ms wall (one at a time)`);
    sink.add({ name: 'statements per completion (intake)', unit: 'statements', better: 'lower', samples: [perCompletion.statements], note: `${n} completions one at a time, counted by the postgres.js debug hook (BEGIN and COMMIT included)` });
    sink.add({ name: 'PostgreSQL execution per completion (intake)', unit: 'ms', better: 'lower', samples: [perCompletion.serverMs], note: 'pg_stat_database.active_time over the completions ÷ completions (foreign-key checks and the outbox mark included)' });
    sink.add({ name: 'commits per completion (intake)', unit: 'commits', better: 'lower', samples: [perCompletion.commits], note: 'pg_stat_database.xact_commit over the completions ÷ completions' });
    sink.detail('statements of one intake completion, in order', statementsOfOne);
  } finally {
    await runtime.stop();
    await handle.close();
    await stats.close();
  }
});
