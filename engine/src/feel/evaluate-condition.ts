import type { ConditionError } from './condition-error.types.ts';
import { evaluateFeel } from './evaluate-feel.ts';
import type { FeelEvaluator } from './feel-evaluator.types.ts';

/** The result of evaluating a condition: `value` is `false` whenever `error` is set. */
export interface ConditionResult {
  value: boolean;
  error?: ConditionError;
}

/**
 * Evaluates a FEEL condition over case `data` with `evaluator` (feelin in this thread by default).
 * A condition must yield a boolean: a syntax error, an evaluation error or any other value (FEEL
 * yields `null` for a missing variable) gives `false` and an `error` describing why. Throws only
 * what the evaluator throws (a bounded one's `FeelBudgetExceededError`).
 *
 * The condition must not call `now()` or `today()` (feelin reads the clock for them); validation
 * refuses such conditions before a definition compiles.
 *
 * Pure: performs no I/O.
 *
 * @example
 * ```ts
 * evaluateCondition('seats > 50', { seats: 80 }); // { value: true }
 * evaluateCondition('seats > 50', {}).error?.code; // 'feel-not-boolean'
 * ```
 */
export function evaluateCondition(
  expression: string,
  data: Record<string, unknown>,
  evaluator: FeelEvaluator = evaluateFeel,
): ConditionResult {
  const result = evaluator(expression, data);
  if (!result.ok) {
    return {
      value: false,
      error: {
        code: result.syntax ? 'feel-syntax-error' : 'feel-evaluation-error',
        message: `FEEL condition '${expression}' ${result.syntax ? 'does not parse' : 'failed'}: ${result.message}`,
        ...(result.position ? { position: result.position } : {}),
      },
    };
  }
  if (typeof result.value === 'boolean') return { value: result.value };
  const hints = result.warnings.join('; ');
  return {
    value: false,
    error: {
      code: 'feel-not-boolean',
      message: `FEEL condition '${expression}' yielded ${describeValue(result.value)}, not a boolean${hints ? ` (${hints})` : ''}`,
    },
  };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `the string '${value}'`;
  if (typeof value === 'number') return `the number ${value}`;
  return `a ${typeof value}`;
}
