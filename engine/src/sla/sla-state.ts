import type { TaskDeadlines } from './task-deadlines.ts';
import { instantMs } from '../calendar/local-time.ts';

/** State of a running clock: before the promised limit, past it, past the statutory limit. */
export type OpenSlaState = 'onTrack' | 'atRisk' | 'overdue';
/** Final state of a closed task or case. */
export type ClosedSlaState = 'met' | 'breached';
/** Any SLA state. */
export type SlaState = OpenSlaState | ClosedSlaState;

/**
 * The SLA state at the instant `at`.
 *
 * - Open (no `closedAt`, or `closedAt` after `at`): `overdue` from `breach.dueAt` on, else
 *   `atRisk` from `atRisk.dueAt` on, else `onTrack`. A task with only a promised limit never
 *   becomes `overdue`.
 * - Closed at `closedAt` ≤ `at`: `met` when it closed before the governing limit (the statutory
 *   one, or the promised one when there is no statutory limit), else `breached`.
 *
 * A limit has run out from its `dueAt` on, so a timer firing at `dueAt` sees the new state.
 * Deadlines moved by a suspension must be passed in already resumed (`resumeDeadline`).
 *
 * Pure: performs no I/O.
 * @throws {InvalidDateError} when `at` or `closedAt` is `Invalid Date`.
 */
export function slaStateAt(deadlines: TaskDeadlines, at: Date): OpenSlaState;
export function slaStateAt(deadlines: TaskDeadlines, at: Date, closedAt: Date | undefined): SlaState;
export function slaStateAt(deadlines: TaskDeadlines, at: Date, closedAt?: Date): SlaState {
  const atMs = instantMs(at);
  const passed = (instant: number, due: TaskDeadlines['breach']): boolean => due !== undefined && instant >= due.dueAt.getTime();
  if (closedAt !== undefined && instantMs(closedAt) <= atMs) {
    return passed(instantMs(closedAt), deadlines.breach ?? deadlines.atRisk) ? 'breached' : 'met';
  }
  if (passed(atMs, deadlines.breach)) return 'overdue';
  if (passed(atMs, deadlines.atRisk)) return 'atRisk';
  return 'onTrack';
}
