import type { Logger } from 'pino';

/** One step of an orderly shutdown: stops one thing the process started. */
export interface ShutdownStep {
  /** What it stops, as the shutdown lines name it, e.g. `HTTP server`. */
  name: string;
  /**
   * Stops it. `until` is the instant (epoch ms) by which the step should be done, cutting short
   * what is still running; it may answer a sentence saying what it cut.
   */
  run(until: number): Promise<string | void>;
  /** The share of the grace period by which the step must be done (0-1). Default 1: the whole grace. */
  by?: number;
}

/** Options of {@link Shutdown}. */
export interface ShutdownOptions {
  /** How long the whole shutdown may take before the exit is forced, ms. */
  graceMs: number;
  /** Receives the shutdown's lines: begun (`reason`, `graceMs`), each step (`step`, `durationMs`), finished (`durationMs`). */
  log: Logger;
  /** Ends the process. Default `process.exit`. */
  exit?: (code: number) => void;
}

/** A repeat of the first signal within this many milliseconds is the same one (see {@link Shutdown.listen}). */
const SAME_SIGNAL_MS = 1_000;

/**
 * The orderly shutdown of a Tongban process. Steps are added as the things they stop come up, and
 * run in reverse order (the last started stops first: HTTP, workers, queues, pool, servers), one
 * after the other, each bounded by its share of the grace period. Before the first step, the
 * `onBegin` callbacks run (readiness turns 503). A second signal, or the end of the grace period,
 * exits at once with code 1 and a line naming the steps cut short.
 */
export class Shutdown {
  private readonly steps: ShutdownStep[] = [];
  private readonly beginCallbacks: (() => void)[] = [];
  private running: Promise<void> | undefined;
  private current: string | undefined;
  private firstSignal: { signal: NodeJS.Signals; at: number } | undefined;
  private exited = false;

  constructor(private readonly options: ShutdownOptions) {}

  /** True once the shutdown has begun. */
  get stopping(): boolean {
    return this.running !== undefined;
  }

  /** Adds a step; it runs before every step added earlier. */
  add(step: ShutdownStep): void {
    this.steps.push(step);
  }

  /** Calls `callback` when the shutdown begins, before any step. */
  onBegin(callback: () => void): void {
    this.beginCallbacks.push(callback);
  }

  /**
   * Runs the steps (once: a second call returns the first run), then exits with `code` (1 instead
   * when a step failed).
   */
  run(reason: string, code = 0): Promise<void> {
    this.running ??= this.runSteps(reason, code);
    return this.running;
  }

  /** Exits at once with code 1, naming the step running and those not run. */
  force(reason: string): void {
    if (this.exited) return;
    const cut = [...(this.current === undefined ? [] : [this.current]), ...[...this.steps].reverse().map((s) => s.name)];
    this.options.log.error({ reason, cutShort: cut }, `${reason}: exiting now; cut short: ${cut.length === 0 ? 'nothing' : cut.join(', ')}`);
    this.exit(1);
  }

  /**
   * Shuts down on SIGTERM and SIGINT; a second signal forces the exit. A terminal's Ctrl-C reaches
   * both `npm start` and Tongban, and npm passes it on: the same signal again within a second
   * counts as that one. An uncaught error shuts down with exit code 1. Returns the unsubscriber.
   */
  listen(): () => void {
    const onSignal = (signal: NodeJS.Signals) => {
      const now = Date.now();
      if (this.firstSignal === undefined) {
        this.firstSignal = { signal, at: now };
        void this.run(signal);
        return;
      }
      if (signal === this.firstSignal.signal && now - this.firstSignal.at < SAME_SIGNAL_MS) return;
      this.force(`${signal} during the shutdown`);
    };
    const onError = (error: unknown) => {
      this.options.log.fatal({ err: error }, 'uncaught error');
      void this.run('uncaught error', 1);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    process.on('uncaughtException', onError);
    process.on('unhandledRejection', onError);
    return () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
    };
  }

  private async runSteps(reason: string, code: number): Promise<void> {
    const { graceMs, log } = this.options;
    if (this.steps.length === 0) {
      this.exit(code);
      return;
    }
    const began = Date.now();
    log.info({ reason, graceMs }, `${reason}: shutting down (grace ${graceMs} ms)`);
    const grace = setTimeout(() => this.force(`The shutdown grace of ${graceMs} ms ran out`), graceMs);
    for (const callback of this.beginCallbacks) callback();
    let exitCode = code;
    for (let step = this.steps.pop(); step !== undefined && !this.exited; step = this.steps.pop()) {
      this.current = step.name;
      const started = Date.now();
      try {
        const note = await step.run(began + graceMs * Math.min(1, step.by ?? 1));
        const durationMs = Date.now() - started;
        log.info({ step: step.name, durationMs, ...(note ? { note } : {}) }, `Shutdown: ${step.name} stopped (${durationMs} ms)${note ? `; ${note}` : ''}`);
      } catch (error) {
        exitCode = 1;
        log.error({ step: step.name, err: error }, `Shutdown: ${step.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.current = undefined;
    }
    clearTimeout(grace);
    if (this.exited) return;
    const durationMs = Date.now() - began;
    log.info({ reason, durationMs, exitCode }, `Shutdown complete in ${durationMs} ms`);
    this.exit(exitCode);
  }

  private exit(code: number): void {
    this.exited = true;
    (this.options.exit ?? ((c: number) => process.exit(c)))(code);
  }
}
