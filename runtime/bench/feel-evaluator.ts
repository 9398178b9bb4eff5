/**
 * FEEL evaluator benchmark (`tsx --conditions=@tongban/source bench/feel-evaluator.ts --runs R
 * --batch B`): what one condition costs evaluated by the engine's `evaluateFeel` in the calling
 * thread and by the runtime's `BoundedFeelEvaluator` (a worker thread under a budget, the
 * expression and case data posted, the answer waited for with `Atomics.wait`). R runs of B
 * evaluations each, alternating the two; prints the median, min and max µs per evaluation over the
 * runs; printed, not asserted.
 */
import { performance } from 'node:perf_hooks';
import { evaluateFeel } from '@tongban/engine';
import type { FeelEvaluator } from '@tongban/engine';
import { BoundedFeelEvaluator } from '../src/feel/bounded-feel-evaluator.ts';
import { argument } from './bench-system.ts';

const RUNS = argument('runs', 20);
const BATCH = argument('batch', 200);
const EXPRESSION = 'seats > 50 and tobacco = true and list contains(departments, "fire-rescue")';
const DATA = { seats: 80, tobacco: true, departments: ['market-regulation', 'fire-rescue'], shopName: '南京东路小吃店', venue: { area: 120 } };

const bounded = new BoundedFeelEvaluator();
const timed = (evaluate: FeelEvaluator): number => {
  const started = performance.now();
  for (let n = 0; n < BATCH; n += 1) evaluate(EXPRESSION, DATA);
  return ((performance.now() - started) * 1000) / BATCH;
};
timed(evaluateFeel);
timed(bounded.evaluate);
const direct: number[] = [];
const worker: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  direct.push(timed(evaluateFeel));
  worker.push(timed(bounded.evaluate));
}
await bounded.close();
const summary = (values: number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return `median ${median.toFixed(1)} µs, min ${sorted[0]!.toFixed(1)}, max ${sorted[sorted.length - 1]!.toFixed(1)}`;
};
console.log(`evaluateFeel (calling thread):        ${summary(direct)} per evaluation`);
console.log(`BoundedFeelEvaluator (worker thread): ${summary(worker)} per evaluation`);
