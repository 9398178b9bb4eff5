/**
 * The two ways the HTTP benchmarks load the API, both completing prepared tasks one request each
 * (`POST /api/v1/tasks/{id}/complete`):
 *
 * - **closed loop** (autocannon 9): N connections, each sends its next request when the previous
 *   answer arrives — N clerks working as fast as the system lets them (saturation).
 * - **open loop** (loadtest 8): requests start on a fixed timetable (one every 1/R s, from a
 *   high-resolution timer), whether or not earlier ones were answered; a request's latency runs
 *   from its scheduled start, so a slow system shows its queueing instead of hiding it
 *   (no coordinated omission). autocannon's `overallRate` is not used for this: it caps each
 *   connection at rate/N requests per one-second window (sent back to back, then idle until the
 *   window ends: bursts at each second), and its latency correction uses an expected interval of
 *   ⌈1/rate⌉ = 1 ms (autocannon 9 `lib/run.js`, `lib/httpClient.js`).
 */
import autocannon from 'autocannon';
import { loadTest } from 'loadtest';
import { percentile } from '@tongban/bench';

/**
 * loadtest 8's promise form (`loadTest(options)` without a callback resolves with its result);
 * its bundled typings still describe the callback form and a boolean `indexParam`.
 */
const runLoadTest = loadTest as unknown as (options: Record<string, unknown>) => Promise<unknown>;

/** What one load run measured. */
export interface LoadResult {
  /** Requests answered 2xx per second of the run (first request sent to last answer). */
  perSecond: number;
  p50Ms: number;
  p95Ms?: number;
  p99Ms: number;
  /** Requests answered with something else than 2xx, or not answered. */
  failed: number;
  seconds: number;
}

/** A completion request: the clerk's token, the body, the tasks to complete in order. */
export interface CompletionLoad {
  token: string;
  body: { outcome: string; data: Record<string, unknown> };
  taskIds: readonly string[];
}

/** N clerks (connections spread over `urls`) complete every task of `load`, each one task after another. */
export async function closedLoop(urls: readonly string[], load: CompletionLoad, clerks: number): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: urls as unknown as string,
    connections: clerks,
    amount: load.taskIds.length,
    timeout: 60,
    headers: { authorization: `Bearer ${load.token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        body: JSON.stringify(load.body),
        setupRequest: (request) => ({ ...request, path: `/api/v1/tasks/${load.taskIds[next++ % load.taskIds.length]}/complete` }),
      },
    ],
  });
  const ok = result['2xx'];
  return {
    perSecond: ok / (result.duration || 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
  };
}

/**
 * Requests start at `rate` per second for `seconds` (rate × seconds requests in all, one task
 * each) whatever the answers; waits for every answer (60 s timeout each).
 */
export async function openLoop(url: string, load: CompletionLoad, rate: number, seconds: number): Promise<LoadResult> {
  const total = Math.round(rate * seconds);
  if (load.taskIds.length < total) throw new Error(`An open loop of ${total} requests needs as many tasks; ${load.taskIds.length} are prepared`);
  let next = 0;
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  await runLoadTest({
    url: `${url}/api/v1/tasks/TASK_ID/complete`,
    method: 'POST',
    contentType: 'application/json',
    body: JSON.stringify(load.body),
    headers: { authorization: `Bearer ${load.token}` },
    requestsPerSecond: rate,
    maxRequests: total,
    agentKeepAlive: true,
    timeout: 60_000,
    indexParam: 'TASK_ID',
    indexParamCallback: () => load.taskIds[next++] as string,
    quiet: true,
    statusCallback: (error: unknown, result: { statusCode: number; requestElapsed: number } | undefined) => {
      if (error || !result || result.statusCode < 200 || result.statusCode >= 300) failed += 1;
      else latencies.push(result.requestElapsed);
    },
  });
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => (latencies.length === 0 ? Number.NaN : percentile(latencies, p));
  return { perSecond: latencies.length / elapsed, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), failed, seconds: elapsed };
}
