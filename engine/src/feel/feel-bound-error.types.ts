/**
 * Why a FEEL expression's cost is not bounded by the case data, as data a host can turn into a
 * diagnostic.
 *
 * - `feel-too-long`: longer than `FEEL_MAX_LENGTH` characters.
 * - `feel-unbounded`: a construct whose cost grows beyond the data: `for`, a function definition
 *   (recursion), a context literal, `some`/`every` over a range, iterations nested deeper than
 *   `FEEL_MAX_ITERATION_DEPTH`, more than `FEEL_MAX_BUILDING_OPERATIONS` string or list building
 *   operations.
 * - `feel-function-not-allowed`: a call to a function outside `FEEL_ALLOWED_FUNCTIONS`.
 */
export interface FeelBoundError {
  code: 'feel-too-long' | 'feel-unbounded' | 'feel-function-not-allowed';
  message: string;
  /** Character offsets into the expression. */
  position: { from: number; to: number };
}
