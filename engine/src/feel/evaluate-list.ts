import { evaluate } from 'feelin';

/**
 * Evaluates a FEEL expression over case `data` that should yield a list of names (a multi-instance
 * task's collection, e.g. `reviewDepartments` or `departmentsOf(venue)`), as strings. A list gives
 * its strings and numbers, as strings, in order; a single string gives a list of that one; anything
 * else, or an expression that fails, gives an empty list. Never throws.
 *
 * Pure: performs no I/O (the expression must not call `now()` or `today()`; validation refuses it).
 */
export function evaluateList(expression: string, data: Record<string, unknown>): string[] {
  let value: unknown;
  try {
    value = evaluate(expression, data).value;
  } catch {
    return [];
  }
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => (typeof item === 'string' || typeof item === 'number' ? [String(item)] : []));
}
