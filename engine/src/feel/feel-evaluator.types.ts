/**
 * What evaluating one FEEL expression gave: its value and feelin's warnings, or why it failed
 * (`syntax`: it does not parse). Plain data, so a host can carry it across a worker thread.
 */
export type FeelEvaluation =
  | { ok: true; value: unknown; warnings: string[] }
  | { ok: false; syntax: boolean; message: string; position?: { from: number; to: number } };

/**
 * Evaluates a FEEL expression over case data: the port through which the step evaluates
 * conditions and multi-instance collections. The default, `evaluateFeel`, runs feelin in the
 * calling thread; a host that runs expressions published before the limits of
 * `checkFeelBounds` existed gives one that bounds time and memory, and throws
 * `FeelBudgetExceededError` when an evaluation exceeds them. Any other failure is a
 * `FeelEvaluation` with `ok: false`, never a throw.
 */
export type FeelEvaluator = (expression: string, data: Record<string, unknown>) => FeelEvaluation;
