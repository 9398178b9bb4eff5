import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { slaStates } from '../db/schema/index.ts';
import type { RoleName } from '../health/health.ts';
import type { RuntimeLogger } from '../runtime-logger.ts';
import type { DatabaseFigures } from './system-figures.ts';

/** Which kind of case transaction a step is: filing a case, an event on a case, an event on a task's case. */
export type StepKind = 'new-case' | 'case' | 'task';

/** Receives the duration of every case step (one transaction that applies an event to a case). */
export interface StepObserver {
  observeStep(kind: StepKind, outcome: 'ok' | 'error', seconds: number): void;
}

/** Job counts of each BullMQ queue by state, e.g. `{ timers: { delayed: 4, wait: 0, … } }`. */
export type QueueJobCounts = Record<string, Record<string, number>>;

/** Where the system-wide gauges are read from at scrape time. */
export interface SystemSource {
  queueJobCounts(): Promise<QueueJobCounts>;
  databaseFigures(): Promise<DatabaseFigures>;
}

/** One answered HTTP request, as the metrics and the request log see it. */
export interface RequestRecord {
  method: string;
  /** The route template that answered, e.g. `/api/v1/cases/:id`, or `unmatched`: never an id. */
  route: string;
  status: number;
  seconds: number;
}

/** Buckets of the HTTP and step histograms, seconds: 5 ms to 10 s. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The longest a scrape waits for one source of the system gauges, ms. */
const READ_TIMEOUT_MS = 3_000;

function withinReadTimeout<T>(read: Promise<T>, source: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    read,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${source} did not answer within ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The Prometheus metrics of one process (prom-client), every sample labelled with its `role`:
 *
 * - Node's default process metrics (CPU, memory, handles, GC, `nodejs_eventloop_lag_seconds`);
 * - `tongban_http_request_duration_seconds{method,route,status}`, route as a template;
 * - `tongban_case_step_duration_seconds{kind,outcome}`;
 * - with {@link TongbanMetrics.watchSystem}, gauges of the whole system read at scrape time:
 *   `tongban_queue_jobs{queue,state}`, `tongban_timers_pending`, `tongban_timers_overdue`,
 *   `tongban_open_tasks{sla_state}`, `tongban_open_incidents`, `tongban_outbox_pending_rows`,
 *   `tongban_outbox_lag_seconds`, and `tongban_system_source_up{source}` (0 when a read failed:
 *   the gauges it feeds keep their last values).
 *
 * One registry per process (never prom-client's global one), so several runtimes in one process
 * (tests) do not collide.
 */
export class TongbanMetrics implements StepObserver {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly stepDuration: Histogram<'kind' | 'outcome'>;
  private reading: Promise<void> | undefined;

  constructor(role: RoleName) {
    this.registry.setDefaultLabels({ role });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'tongban_http_request_duration_seconds',
      help: 'Duration of HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
    this.stepDuration = new Histogram({
      name: 'tongban_case_step_duration_seconds',
      help: 'Duration of case steps (one transaction applying an event to a case, with its outbox rows) by kind and outcome',
      labelNames: ['kind', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /** The Content-Type of {@link TongbanMetrics.exposition}. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** The metrics in Prometheus text format; reads the system gauges first. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  observeRequest(request: RequestRecord): void {
    this.httpDuration.observe({ method: request.method, route: request.route, status: String(request.status) }, request.seconds);
  }

  observeStep(kind: StepKind, outcome: 'ok' | 'error', seconds: number): void {
    this.stepDuration.observe({ kind, outcome }, seconds);
  }

  /**
   * Adds the system-wide gauges, read from `source` when scraped: one read of the queues and one
   * of PostgreSQL per scrape, shared by every gauge and by scrapes that arrive meanwhile.
   */
  watchSystem(source: SystemSource, logger: RuntimeLogger): void {
    const read = (): Promise<void> => {
      this.reading ??= Promise.all([readQueues(), readDatabase()]).then(() => {
        this.reading = undefined;
      });
      return this.reading;
    };
    const common = { registers: [this.registry], collect: read };
    const up = new Gauge({ name: 'tongban_system_source_up', help: 'Whether the last scrape read the source of the system gauges (1) or failed (0)', labelNames: ['source'], ...common });
    const queueJobs = new Gauge({ name: 'tongban_queue_jobs', help: 'Jobs in each BullMQ queue by state (the whole system)', labelNames: ['queue', 'state'], ...common });
    const timersPending = new Gauge({ name: 'tongban_timers_pending', help: 'Timers waiting to fire (the whole system)', ...common });
    const timersOverdue = new Gauge({ name: 'tongban_timers_overdue', help: 'Pending timers whose due instant has passed (the whole system)', ...common });
    const openTasks = new Gauge({ name: 'tongban_open_tasks', help: 'Open and claimed tasks by SLA state (the whole system)', labelNames: ['sla_state'], ...common });
    const openIncidents = new Gauge({ name: 'tongban_open_incidents', help: 'Incidents not resolved (the whole system)', ...common });
    const outboxPending = new Gauge({ name: 'tongban_outbox_pending_rows', help: 'Outbox rows not yet dispatched (the whole system)', ...common });
    const outboxLag = new Gauge({ name: 'tongban_outbox_lag_seconds', help: 'Age of the oldest outbox row not yet dispatched, 0 when none', ...common });

    const readQueues = async () => {
      try {
        const counts = await withinReadTimeout(source.queueJobCounts(), 'Redis');
        for (const [queue, byState] of Object.entries(counts)) {
          for (const [state, count] of Object.entries(byState)) queueJobs.set({ queue, state }, count);
        }
        up.set({ source: 'redis' }, 1);
      } catch (error) {
        up.set({ source: 'redis' }, 0);
        logger.error('Metrics: the queue job counts could not be read', error);
      }
    };
    const readDatabase = async () => {
      try {
        const figures = await withinReadTimeout(source.databaseFigures(), 'PostgreSQL');
        timersPending.set(figures.timersPending);
        timersOverdue.set(figures.timersOverdue);
        for (const state of slaStates) openTasks.set({ sla_state: state }, figures.openTasksBySla[state]);
        openIncidents.set(figures.openIncidents);
        outboxPending.set(figures.outboxPending);
        outboxLag.set(figures.outboxLagSeconds);
        up.set({ source: 'postgres' }, 1);
      } catch (error) {
        up.set({ source: 'postgres' }, 0);
        logger.error('Metrics: the database figures could not be read', error);
      }
    };
  }
}
