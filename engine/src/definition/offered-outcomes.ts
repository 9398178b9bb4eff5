import type { UserTask } from './node.schema.ts';

/** The outcome a task offers when its `outcomes` list is empty: a plain "done" task. */
export const IMPLICIT_OUTCOME = 'approve';

/**
 * The outcome ids a clerk may choose on `task`, in the designer's order, without duplicates.
 * A task that lists none offers `approve` alone.
 *
 * Pure: performs no I/O.
 */
export function offeredOutcomes(task: Pick<UserTask, 'outcomes'>): string[] {
  if (task.outcomes.length === 0) return [IMPLICIT_OUTCOME];
  return [...new Set(task.outcomes.map((outcome) => outcome.id))];
}
