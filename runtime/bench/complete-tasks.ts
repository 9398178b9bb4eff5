import { performance } from 'node:perf_hooks';
import { percentile } from '@tongban/bench';
import type { Viewer } from '../src/organisation/viewer.ts';
import type { Runtime } from '../src/runtime.ts';

/** Completions per second and latency percentiles of one run. */
export interface CompletionRun {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Completes every task of `taskIds` through `runtime.completeTask`, `clerks` at a time, each clerk one task after another. */
export async function completeTasks(runtime: Runtime, viewer: Viewer, taskIds: readonly string[], clerks: number, input: { outcome: string; data: Record<string, unknown> }): Promise<CompletionRun> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clerks }, async () => {
      for (let index = next++; index < taskIds.length; index = next++) {
        const begun = performance.now();
        await runtime.completeTask(taskIds[index] as string, viewer, input);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: taskIds.length / seconds, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
}
