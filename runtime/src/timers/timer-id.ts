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

/**
 * The owner and generation of a timer id made by {@link timerIdOf} (case ids hold no `.`).
 * @throws Error for an id {@link timerIdOf} did not make.
 */
export function parseTimerId(id: string): { caseId: string; owner: string; kind: string; generation: number } {
  const parts = id.split('.');
  const generation = Number(parts.at(-1)?.slice(1));
  if (parts.length < 4 || !parts.at(-1)?.startsWith('g') || !Number.isInteger(generation)) {
    throw new Error(`'${id}' is not a timer id of the form <case>.<owner>.<kind>.g<generation>`);
  }
  return { caseId: parts[0] as string, owner: parts.slice(1, -2).join('.'), kind: parts.at(-2) as string, generation };
}
