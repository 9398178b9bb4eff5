import { evaluateFeel } from './evaluate-feel.ts';
import type { FeelEvaluator } from './feel-evaluator.types.ts';

/**
 * Evaluates a FEEL expression over case `data` that should yield a list of names (a multi-instance
 * task's collection, e.g. `reviewDepartments` or `departmentsOf(venue)`), as strings, with
 * `evaluator` (feelin in this thread by default). A list gives its strings and numbers, as
 * strings, in order; a single string gives a list of that one; anything else, or an expression
 * that fails, gives an empty list. Throws only what the evaluator throws (a bounded one's
 * `FeelBudgetExceededError`).
 *
 * Pure: performs no I/O (the expression must not call `now()` or `today()`; validation refuses it).
 */
export function evaluateList(expression: string, data: Record<string, unknown>, evaluator: FeelEvaluator = evaluateFeel): string[] {
  const result = evaluator(expression, data);
  if (!result.ok) return [];
  const { value } = result;
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => (typeof item === 'string' || typeof item === 'number' ? [String(item)] : []));
}
