/**
 * Why a FEEL condition could not be used, as data a host can turn into a diagnostic.
 *
 * - `feel-syntax-error`: the expression does not parse.
 * - `feel-evaluation-error`: evaluating it threw.
 * - `feel-not-boolean`: it yielded something other than `true` or `false` (often `null`, when a
 *   variable it reads is missing from the case data).
 */
export interface ConditionError {
  code: 'feel-syntax-error' | 'feel-evaluation-error' | 'feel-not-boolean';
  message: string;
  /** Character offsets into the expression, when known. */
  position?: { from: number; to: number };
}
