import type { CaseContext } from '../compile/case-context.ts';
import type { PersistedCaseSnapshot } from './step.types.ts';

/**
 * Whether the case is suspended, waiting for a supplement (补正) or for a period the law does not
 * count (`case.suspend`): its tasks stay open but cannot be completed.
 *
 * Pure: performs no I/O.
 */
export function isSuspended(snapshot: PersistedCaseSnapshot): boolean {
  return (snapshot.context as CaseContext).suspension !== null;
}
