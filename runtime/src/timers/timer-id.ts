import type { TimerKind } from '../db/schema/index.ts';

/**
 * The id of a timer row, which is also its BullMQ job id: case, owner (the task activation, or
 * `case` for the case's promised total), kind and generation. A re-armed timer (after a
 * suspension) gets the next generation, so an id is never reused (pitfalls B16). BullMQ refuses `:`
 * in job ids, so any `:` of the parts becomes `_`.
 */
export function timerIdOf(caseId: string, owner: string, kind: TimerKind, generation: number): string {
  return [caseId, owner, kind, `g${generation}`].map((part) => part.replaceAll(':', '_')).join('.');
}
