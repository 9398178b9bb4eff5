import { evaluate, SyntaxError as FeelSyntaxError } from 'feelin';
import type { FeelEvaluation } from './feel-evaluator.types.ts';

/**
 * The default `FeelEvaluator`: evaluates `expression` over `data` with feelin in the calling
 * thread, without a time or memory limit. Never throws.
 *
 * Pure: performs no I/O (validation refuses `now()` and `today()`, which read the clock).
 *
 * @example
 * ```ts
 * evaluateFeel('seats > 50', { seats: 80 }); // { ok: true, value: true, warnings: [] }
 * ```
 */
export function evaluateFeel(expression: string, data: Record<string, unknown>): FeelEvaluation {
  try {
    const result = evaluate(expression, data);
    return { ok: true, value: result.value, warnings: result.warnings.map((warning) => warning.message) };
  } catch (error) {
    const position = (error as { position?: { from: number; to: number } }).position;
    return {
      ok: false,
      syntax: error instanceof FeelSyntaxError,
      message: error instanceof Error ? error.message : String(error),
      ...(position ? { position } : {}),
    };
  }
}
