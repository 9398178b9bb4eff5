import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ServiceUnavailableError } from '../errors/index.ts';
import type { ForecastJob, ForecastJobResult } from './forecast-job.ts';

/** What forecasts may take of the machine. */
export interface ForecastBudget {
  /** Forecasts computed at once; one more asked meanwhile is refused (503 `forecast-busy`). */
  concurrency: number;
  /** Longest the runs of one forecast may take in their worker thread, ms; the thread is then stopped (503 `forecast-budget-exceeded`). */
  timeoutMs: number;
  /** Heap of a forecast's worker thread (`resourceLimits.maxOldGenerationSizeMb`), MiB. */
  maxOldGenerationSizeMb: number;
}

/**
 * The default budget: half the cores (at least one) compute forecasts, so the API, the timers and
 * the workers keep the rest; 60 s and 1 GiB of heap each, far above the 2,000 open cases, 10
 * working days and 200 runs of the target (DESIGN.md §10).
 */
export const DEFAULT_FORECAST_BUDGET: ForecastBudget = {
  concurrency: Math.max(1, Math.floor(availableParallelism() / 2)),
  timeoutMs: 60_000,
  maxOldGenerationSizeMb: 1_024,
};

/** How long a caller refused as busy is told to wait, seconds. */
export const FORECAST_RETRY_AFTER_SECONDS = 5;

/**
 * How long an idle worker thread is kept for the next forecast, ms: a thread's first forecast runs
 * on code the JIT has not optimised yet (about 1.7 × the time of the next ones on the bench), and
 * a manager comparing what-ifs asks several in a row.
 */
const IDLE_TIMEOUT_MS = 300_000;

/**
 * The young generation of a forecast's worker thread, MiB: the engine's steps allocate about
 * 1.7 GB per forecast of the bench, much of it kept (the memoised states), so small young
 * generations mean many costly scavenges; this one (64 MiB semi-spaces) made a quarter as many and
 * the forecast about a fifth faster.
 */
const YOUNG_GENERATION_MB = 192;

/** The worker file beside this one: read from the TypeScript sources through tsx, or built. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCES ? './forecast-worker.ts' : './forecast-worker.js', import.meta.url);
/**
 * The thread's Node options: built, the caller's (Node's default); from the sources, what reads
 * TypeScript, and the caller's CPU profiler if it runs under one (other options of the caller may
 * be V8's, which a worker thread refuses).
 */
const WORKER_EXEC_ARGV = FROM_SOURCES ? [...process.execArgv.filter((option) => option.startsWith('--cpu-prof')), '--import', 'tsx', '--conditions=@tongban/source'] : undefined;

/** Computes a {@link ForecastJob} in a worker thread. */
export type ComputeForecast = (job: ForecastJob) => Promise<ForecastJobResult>;

/**
 * Computes forecasts in worker threads (piscina), off the event loop that answers the API, under a
 * {@link ForecastBudget}: at most `concurrency` at once (the next is refused at once rather than
 * queued, `forecast-busy` with `Retry-After`), each stopped, its thread with it, when it outlasts
 * `timeoutMs` or outgrows its heap (`forecast-budget-exceeded`). Threads start when first needed
 * and stop after five minutes idle.
 */
export class ForecastPool {
  private readonly pool: Piscina<ForecastJob, ForecastJobResult>;
  private running = 0;
  /** Stops the jobs handed over and not yet answered. */
  private readonly handedOver = new Set<AbortController>();

  constructor(private readonly budget: ForecastBudget = DEFAULT_FORECAST_BUDGET) {
    this.pool = new Piscina({
      filename: WORKER_URL.href,
      execArgv: WORKER_EXEC_ARGV,
      minThreads: 0,
      maxThreads: budget.concurrency,
      idleTimeout: IDLE_TIMEOUT_MS,
      resourceLimits: { maxOldGenerationSizeMb: budget.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    // A thread that ends outside a job (out of heap while starting, say) would leave the jobs that
    // wait for it waiting: every job handed over and not yet answered is stopped with its error.
    this.pool.on('error', (error: unknown) => {
      for (const handed of this.handedOver) handed.abort(error);
    });
  }

  /**
   * Runs `work` holding one of the budget's places, `compute` handing its job to a worker thread.
   * @throws ServiceUnavailableError `forecast-busy` when every place is taken;
   *   `forecast-budget-exceeded` from `compute` when the job outlasts or outgrows its budget.
   */
  async within<T>(work: (compute: ComputeForecast) => Promise<T>): Promise<T> {
    if (this.running >= this.budget.concurrency) {
      throw new ServiceUnavailableError(
        'forecast-busy',
        `${this.running} forecast(s) are being computed, as many as run at once; try again in ${FORECAST_RETRY_AFTER_SECONDS} s`,
        { concurrency: this.budget.concurrency },
        FORECAST_RETRY_AFTER_SECONDS,
      );
    }
    this.running += 1;
    try {
      return await work((job) => this.compute(job));
    } finally {
      this.running -= 1;
    }
  }

  /** Stops the worker threads (a forecast computing is cut short). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async compute(job: ForecastJob): Promise<ForecastJobResult> {
    const handed = new AbortController();
    this.handedOver.add(handed);
    try {
      return await this.pool.run(job, { signal: AbortSignal.any([AbortSignal.timeout(this.budget.timeoutMs), handed.signal]) });
    } catch (error) {
      // A stopped job is refused with piscina's AbortError, the reason it was stopped as its cause.
      const cause = error instanceof Error && error.name === 'AbortError' ? error.cause : error;
      throw budgetExceeded(cause, this.budget) ?? cause;
    } finally {
      this.handedOver.delete(handed);
    }
  }
}

/** The `forecast-budget-exceeded` that `reason` a job was stopped or its thread ended for amounts to, if any. */
function budgetExceeded(reason: unknown, budget: ForecastBudget): ServiceUnavailableError | undefined {
  const advice = 'ask for fewer runs, a shorter horizon, or no what-if';
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new ServiceUnavailableError('forecast-budget-exceeded', `The forecast took longer than its budget of ${budget.timeoutMs} ms and was stopped; ${advice}`, {
      limit: 'time',
      timeoutMs: budget.timeoutMs,
    });
  }
  if (reason instanceof Error && (reason as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ServiceUnavailableError('forecast-budget-exceeded', `The forecast needed more than its heap of ${budget.maxOldGenerationSizeMb} MiB and was stopped; ${advice}`, {
      limit: 'memory',
      maxOldGenerationSizeMb: budget.maxOldGenerationSizeMb,
    });
  }
  return undefined;
}
