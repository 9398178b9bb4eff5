import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { FeelBudgetExceededError } from '@tongban/engine';
import type { FeelEvaluation, FeelEvaluator } from '@tongban/engine';

/** The budget of one FEEL evaluation. */
export interface FeelBudget {
  /** Longest wait for an answer, in milliseconds. */
  timeoutMs: number;
  /** The worker's heap limit (`resourceLimits.maxOldGenerationSizeMb`), in MiB. */
  maxOldGenerationSizeMb: number;
}

/** The default budget: far above an ordinary condition (≈ 0.1 ms), far below what a bomb needs. */
export const DEFAULT_FEEL_BUDGET: FeelBudget = { timeoutMs: 1_000, maxOldGenerationSizeMb: 64 };

/** Longest wait for a worker thread to start (not counted in an evaluation's budget), ms. */
const START_TIMEOUT_MS = 10_000;

/** The worker file: two folders above this one, both in src/feel and in dist/feel. */
const WORKER_URL = new URL('../../workers/feel-worker.mjs', import.meta.url);

interface Thread {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

/**
 * Evaluates FEEL in a worker thread under a budget (time and heap), synchronously, as the
 * engine's step needs: the calling thread posts the expression and the case data and waits on a
 * shared flag (`Atomics.wait`) for at most `timeoutMs`, counted once the worker is ready. An evaluation that does not answer in time
 * (a loop, or a heap that ran out, which ends the worker) throws `FeelBudgetExceededError`; its
 * worker is terminated and a standby worker, started beforehand, takes the next evaluation, so
 * nothing waits for a thread to start. The calling thread, and every other case, runs on.
 */
export class BoundedFeelEvaluator {
  private current: Thread;
  private standby: Thread;
  private next = 0;

  constructor(private readonly budget: FeelBudget = DEFAULT_FEEL_BUDGET) {
    this.current = this.spawn();
    this.standby = this.spawn();
  }

  /** The `FeelEvaluator` to give the step (`StepOptions.feel`). */
  readonly evaluate: FeelEvaluator = (expression, data) => {
    const thread = this.current;
    if (Atomics.load(thread.signal, 1) === 0) Atomics.wait(thread.signal, 1, 0, START_TIMEOUT_MS);
    const id = (this.next += 1);
    Atomics.store(thread.signal, 0, 0);
    thread.port.postMessage({ id, expression, data });
    const deadline = performance.now() + this.budget.timeoutMs;
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(thread.signal, 0, 0, left) === 'timed-out') break;
      const received = receiveMessageOnPort(thread.port) as { message: { id: number; answer: FeelEvaluation } } | undefined;
      if (received?.message.id === id) return received.message.answer;
      Atomics.store(thread.signal, 0, 0);
    }
    const late = receiveMessageOnPort(thread.port) as { message: { id: number; answer: FeelEvaluation } } | undefined;
    if (late?.message.id === id) return late.message.answer;
    this.replace(thread);
    throw new FeelBudgetExceededError(
      expression,
      'time',
      `no answer within ${this.budget.timeoutMs} ms (its worker, limited to ${this.budget.maxOldGenerationSizeMb} MiB of heap, ran out of time or memory and was stopped)`,
    );
  };

  /** Stops both worker threads. */
  async close(): Promise<void> {
    await Promise.all([this.current.worker.terminate(), this.standby.worker.terminate()]);
  }

  private replace(thread: Thread): void {
    void thread.worker.terminate();
    thread.port.close();
    this.current = this.standby;
    this.standby = this.spawn();
  }

  private spawn(): Thread {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(WORKER_URL, {
      // The worker reads plain JavaScript and feelin only: none of the parent's flags (an
      // `--input-type`, a TypeScript loader) applies to it.
      execArgv: [],
      workerData: { port: port2, signal },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: this.budget.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 16 },
    });
    // A worker that ran out of heap ends with ERR_WORKER_OUT_OF_MEMORY: the late answer already
    // reported it, so the error event is only consumed here.
    worker.on('error', () => undefined);
    worker.unref();
    port1.unref();
    return { worker, port: port1, signal };
  }
}
