import { builtInCalendars, workingMinutesBetween, type BusinessCalendar, type SlaUnit, type WorkflowDefinition } from '@tongban/engine';
import { daysLeft, type DaysLeft } from './working-days-left.ts';

function calendarOf(definition: WorkflowDefinition): BusinessCalendar | null {
  return builtInCalendars.has(definition.calendar) ? builtInCalendars.get(definition.calendar) : null;
}

function statutoryUnit(definition: WorkflowDefinition, nodeId: string): SlaUnit {
  const node = definition.nodes.find((candidate) => candidate.id === nodeId);
  return node?.type === 'userTask' ? (node.sla?.statutory?.unit ?? 'workingDay') : 'workingDay';
}

/**
 * Days left on the statutory limit of the task at `nodeId`, from the API's `minutesLeft`, counted
 * in the unit the node's statutory limit uses on the definition's calendar; null when the API
 * reports no time left (no limit, closed) or the calendar is not one the console knows. Pure.
 */
export function taskDaysLeft(
  minutesLeft: number | null | undefined,
  nodeId: string,
  definition: WorkflowDefinition | undefined,
): DaysLeft | null {
  if (minutesLeft === null || minutesLeft === undefined || definition === undefined) return null;
  const calendar = calendarOf(definition);
  return calendar === null ? null : daysLeft(minutesLeft, statutoryUnit(definition, nodeId), calendar);
}

/**
 * The minutes an open task's statutory limit has left at `now`, counted as the runtime counts them
 * (working minutes for working units, elapsed minutes otherwise; 0 once passed), for lists whose
 * rows do not carry `minutesLeft`. Null without a due instant, a known calendar or a clock. Pure.
 */
export function minutesLeftAt(
  dueAt: string | null,
  nodeId: string,
  definition: WorkflowDefinition | undefined,
  now: Date | undefined,
): number | null {
  if (dueAt === null || definition === undefined || now === undefined) return null;
  const calendar = calendarOf(definition);
  if (calendar === null) return null;
  const unit = statutoryUnit(definition, nodeId);
  const due = new Date(dueAt);
  if (unit === 'workingDay' || unit === 'workingHour') return workingMinutesBetween(calendar, now, due).minutes;
  return Math.max(0, (due.getTime() - now.getTime()) / 60_000);
}

/**
 * Whole days an open task is past its statutory limit at `now`, counted like its limit (working
 * days for working units, calendar days otherwise); null when it is not past it or the figures
 * are unknown. Pure.
 */
export function overdueBy(
  dueAt: string | null,
  nodeId: string,
  definition: WorkflowDefinition | undefined,
  now: Date | undefined,
): DaysLeft | null {
  if (dueAt === null || definition === undefined || now === undefined) return null;
  const calendar = calendarOf(definition);
  const due = new Date(dueAt);
  if (calendar === null || due.getTime() >= now.getTime()) return null;
  const unit = statutoryUnit(definition, nodeId);
  const minutes =
    unit === 'workingDay' || unit === 'workingHour' ? workingMinutesBetween(calendar, due, now).minutes : (now.getTime() - due.getTime()) / 60_000;
  return daysLeft(minutes, unit, calendar);
}

/** Days left on a case's promised total (承诺办结时限), counted in the unit of `promisedSla`. Pure. */
export function caseDaysLeft(minutesLeft: number | null | undefined, definition: WorkflowDefinition | undefined): DaysLeft | null {
  if (minutesLeft === null || minutesLeft === undefined || definition === undefined) return null;
  const calendar = calendarOf(definition);
  return calendar === null ? null : daysLeft(minutesLeft, definition.promisedSla?.unit ?? 'workingDay', calendar);
}
