/** One benchmark the suite runs: a script of a package, run in a process of its own. */
export interface BenchmarkSpec {
  /** Stable id, the key of its figures in results files (`engine-step`). */
  id: string;
  /** What it measures, one line. */
  title: string;
  /** The package folder it runs in (its `node_modules` and `tsconfig`). */
  cwd: 'engine' | 'runtime' | 'designer';
  /** The command, without the program: `node` with tsx for `.ts` scripts. */
  script: string;
  /** Arguments of the full run and of `--quick`; `null`: not run in that mode. */
  args: { full: readonly string[]; quick: readonly string[] | null };
  /** Runs longer than this are stopped (SIGTERM, then SIGKILL), ms. */
  timeoutMs: number;
  /** A command run before the script in the same folder (e.g. a production build), full mode only. */
  prepare?: readonly string[];
}

const MINUTE = 60_000;

/**
 * Every benchmark of the suite, in the order they run (cheapest first). The quick arguments keep
 * `npm run bench -- --quick` under two minutes on a 2-core machine; the full ones are the sizes
 * the issue names (1,000,000 cases and 5,000,000 tasks, 100,000 timers, …).
 */
export const benchmarks: readonly BenchmarkSpec[] = [
  {
    id: 'engine-step',
    title: 'Engine: validate + compile of 500 nodes; the step vs a bare XState transition (JSON restore)',
    cwd: 'engine',
    script: 'bench/run.ts',
    args: { full: ['--runs', '25'], quick: ['--runs', '5'] },
    timeoutMs: 5 * MINUTE,
  },
  {
    id: 'engine-vs-bpmn-engine',
    title: 'Engine step vs the bpmn-engine package on the same process as BPMN, both restoring from JSON at every wait',
    cwd: 'engine',
    script: 'bench/bpmn-engine-step.ts',
    args: { full: ['--runs', '15'], quick: ['--runs', '3'] },
    timeoutMs: 5 * MINUTE,
  },
  {
    id: 'bullmq-dispatch',
    title: 'BullMQ add + process on the local Redis; Tongban outbox dispatch per step',
    cwd: 'runtime',
    script: 'bench/bullmq-dispatch.ts',
    args: { full: ['--jobs', '20000', '--steps', '1000', '--runs', '5'], quick: ['--jobs', '1000', '--steps', '50', '--runs', '1'] },
    timeoutMs: 10 * MINUTE,
  },
  {
    id: 'completion-statements',
    title: 'What one intake completion asks of PostgreSQL: statements (in order), commits and execution time',
    cwd: 'runtime',
    script: 'bench/completion-statements.ts',
    args: { full: ['--tasks', '1000'], quick: ['--tasks', '100'] },
    timeoutMs: 10 * MINUTE,
  },
  {
    id: 'http-completions',
    title: 'Completions through the HTTP API: closed loop (8/16/32 clerks) vs pgbench -N and the bare durable step; open loop at 100/300/600 /s',
    cwd: 'runtime',
    script: 'bench/http-completions.ts',
    args: {
      full: ['--tasks', '2000', '--seconds', '10', '--open-seconds', '5', '--runs', '3', '--clerks', '8,16,32', '--rates', '100,300,600'],
      quick: ['--tasks', '60', '--seconds', '1', '--open-seconds', '0.25', '--runs', '1', '--clerks', '8,16,32', '--rates', '100,300,600'],
    },
    timeoutMs: 40 * MINUTE,
  },
  {
    id: 'api-processes',
    title: 'One vs two API processes on this machine (closed loop, 16 clerks)',
    cwd: 'runtime',
    script: 'bench/api-processes.ts',
    args: { full: ['--tasks', '2000', '--runs', '3', '--clerks', '16'], quick: ['--tasks', '40', '--runs', '1', '--clerks', '16'] },
    timeoutMs: 20 * MINUTE,
  },
  {
    id: 'completion-cost-at-scale',
    title: 'A completion on an empty database vs with 50,000 open cases and 100,000 pending timers',
    cwd: 'runtime',
    script: 'bench/completion-cost-at-scale.ts',
    args: { full: ['--cases', '50000', '--tasks', '300', '--runs', '5'], quick: ['--cases', '3000', '--tasks', '50', '--runs', '1'] },
    timeoutMs: 30 * MINUTE,
  },
  {
    id: 'breach-lateness',
    title: 'Breach handling on the real clock with 100,000 pending timers: fired_at − due_at',
    cwd: 'runtime',
    script: 'bench/breach-lateness.ts',
    args: { full: ['--timers', '100000', '--batch', '500', '--runs', '5'], quick: ['--timers', '5000', '--batch', '100', '--runs', '1'] },
    timeoutMs: 30 * MINUTE,
  },
  {
    id: 'monitor-queries',
    title: 'Overdue list, at-risk list and a department inbox (first page) with 1,000,000 cases and 5,000,000 tasks',
    cwd: 'runtime',
    script: 'bench/monitor-queries.ts',
    args: { full: ['--cases', '1000000', '--runs', '15'], quick: ['--cases', '20000', '--runs', '5'] },
    timeoutMs: 90 * MINUTE,
  },
  {
    id: 'runtime-completions',
    title: 'Completions in process (runtime.completeTask, no HTTP), 8 clerks, vs pgbench simple-update',
    cwd: 'runtime',
    script: 'bench/completions.ts',
    args: { full: ['--tasks', '1000', '--runs', '3', '--concurrency', '8'], quick: null },
    timeoutMs: 20 * MINUTE,
  },
  {
    id: 'calendar-recount',
    title: 'Loading a year’s holiday notice that moves the deadlines of 500 open cases',
    cwd: 'runtime',
    script: 'bench/recount.ts',
    args: { full: ['--cases', '500', '--runs', '6'], quick: null },
    timeoutMs: 20 * MINUTE,
  },
  {
    id: 'designer-drag',
    title: 'Design canvas: frame times while dragging a node of a 500-node process (production build, Chromium)',
    cwd: 'designer',
    script: 'bench/drag-frames.ts',
    args: { full: ['--runs', '5'], quick: null },
    timeoutMs: 20 * MINUTE,
    prepare: ['npx', 'vite', 'build'],
  },
];
