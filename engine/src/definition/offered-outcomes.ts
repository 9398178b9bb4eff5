import type { SchemaVersion } from './definition.schema.ts';
import type { Outcome, UserTask } from './node.schema.ts';

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

/** The outcomes that need a reason unless the definition says otherwise (schema version 2 on). */
const REASONED_OUTCOMES = new Set(['reject', 'return']);

/**
 * Whether choosing `outcome` needs a reason: its `reasonRequired` when set; otherwise, from schema
 * version 2 on, `reject` and `return` do (行政许可法 art. 38: a refusal states its reasons), and
 * in version 1 none did.
 *
 * Pure: performs no I/O.
 */
export function outcomeNeedsReason(schemaVersion: SchemaVersion, outcome: Pick<Outcome, 'id' | 'reasonRequired'>): boolean {
  return outcome.reasonRequired ?? (schemaVersion !== 1 && REASONED_OUTCOMES.has(outcome.id));
}
