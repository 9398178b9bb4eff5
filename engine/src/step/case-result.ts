import type { CaseContext } from '../compile/case-context.ts';
import type { PersistedCaseSnapshot } from './step.types.ts';

/**
 * The `result` of the end event a finished case reached (`approved`, `rejected`, …), or
 * `undefined` while it runs.
 *
 * Pure: performs no I/O.
 */
export function caseResult(snapshot: PersistedCaseSnapshot): string | undefined {
  if (snapshot.status !== 'done') return undefined;
  return (snapshot.context as CaseContext).result ?? undefined;
}
