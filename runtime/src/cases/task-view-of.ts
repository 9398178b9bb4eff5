import { isCountableSpan, isWorkingTimeUnit, pauseDeadline, workingMinutesBetween, type BusinessCalendar, type WorkflowDefinition } from '@tongban/engine';
import type { CaseRow, TaskRow } from '../db/schema/index.ts';
import type { TaskView } from './case-views.ts';

/** What {@link taskViewOf} reads besides the task row. */
export interface TaskViewContext {
  /** The definition version the task's case is pinned to (the node's limit unit). */
  definition: WorkflowDefinition;
  /** The business calendar of the task's case (`cases.calendar_key`). */
  calendar: BusinessCalendar;
  /** The case's status and, while it waits for a supplement, since when. */
  caseStatus: CaseRow['status'];
  suspendedSince: Date | null;
  /** The runtime clock's instant. */
  now: Date;
  /**
   * The minutes the task's breach timer kept when the case was suspended, when that timer is
   * paused (undefined otherwise).
   */
  pausedBreachMinutes?: number | null | undefined;
}

/**
 * The view of `task`: the row, the minutes its statutory limit (`dueAt`) has left, and whether its
 * case is suspended. Minutes are working minutes on the case's calendar for working units
 * (`workingDay`, `workingHour`, the default), elapsed minutes for `hour` / `calendarDay`, rounded;
 * negative when the limit has passed (by how much); null for a closed task or one without a
 * statutory limit, and for working minutes the calendar does not count: more than a century
 * between the limit and the clock (a virtual clock an older version moved past the countable
 * range, see `isCountableSpan`). While the case is suspended the clock stands still: what the
 * paused breach timer kept, or how far past its limit the task was when the case was suspended.
 * Pure.
 */
export function taskViewOf(task: TaskRow, context: TaskViewContext): TaskView {
  const open = task.status === 'open' || task.status === 'claimed';
  const suspended = open && context.caseStatus === 'suspended';
  if (!open || task.dueAt === null) return { ...task, minutesLeft: null, suspended };
  if (suspended && context.pausedBreachMinutes !== undefined) {
    return { ...task, minutesLeft: context.pausedBreachMinutes ?? 0, suspended };
  }
  const at = suspended && context.suspendedSince !== null ? context.suspendedSince : context.now;
  const node = context.definition.nodes.find((n) => n.id === task.nodeId);
  const unit = (node?.type === 'userTask' ? node.sla?.statutory?.unit : undefined) ?? 'workingDay';
  const { calendar } = context;
  const [from, to] = at.getTime() <= task.dueAt.getTime() ? [at, task.dueAt] : [task.dueAt, at];
  if (isWorkingTimeUnit(unit) && !isCountableSpan(calendar, from, to)) return { ...task, minutesLeft: null, suspended };
  let minutes: number;
  if (at.getTime() <= task.dueAt.getTime()) minutes = pauseDeadline(calendar, at, task.dueAt, unit);
  else if (isWorkingTimeUnit(unit)) minutes = -workingMinutesBetween(calendar, task.dueAt, at).minutes;
  else minutes = -(at.getTime() - task.dueAt.getTime()) / 60_000;
  // `+ 0` turns a rounded -0 (a limit passed outside working hours) into 0.
  return { ...task, minutesLeft: Math.round(minutes) + 0, suspended };
}
