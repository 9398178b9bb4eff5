import { evaluateFeel } from './evaluate-feel.ts';
import type { FeelEvaluator } from './feel-evaluator.types.ts';

let active: FeelEvaluator = evaluateFeel;

/**
 * Runs `run` with `evaluator` as the evaluator the compiled machine's guards and actions use, then
 * restores the previous one. The step is synchronous, so the evaluator holds for exactly its run.
 * @internal
 */
export function withFeelEvaluator<T>(evaluator: FeelEvaluator, run: () => T): T {
  const previous = active;
  active = evaluator;
  try {
    return run();
  } finally {
    active = previous;
  }
}

/**
 * The evaluator of the step running now (`evaluateFeel` outside a step).
 * @internal
 */
export function activeFeelEvaluator(): FeelEvaluator {
  return active;
}
