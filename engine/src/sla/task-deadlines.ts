import type { BusinessCalendar, DueDate } from '../calendar/calendar.types.ts';
import type { TaskSla } from '../definition/sla.schema.ts';
import { addDuration } from '../calendar/add-duration.ts';
import { taskSlaSchema } from '../definition/sla.schema.ts';
import { InvalidSlaError } from './invalid-sla.error.ts';

/** The deadlines of one task activation (or of a case). */
export interface TaskDeadlines {
  /** The promised limit (承诺时限): from this instant on the task is `atRisk` (a warning). */
  atRisk?: DueDate;
  /** The statutory limit (法定时限): from this instant on the task is `overdue` and escalates. */
  breach?: DueDate;
}

/**
 * The deadlines of a task whose SLA is `sla`, counted from `from` (the task's activation, or the
 * case's acceptance for a case-level limit): `atRisk` from the promised limit, `breach` from the
 * statutory one, each counted by `addDuration`.
 *
 * Pure: performs no I/O.
 * @example
 * ```ts
 * taskDeadlines(cnMainlandCalendar, { promised: { amount: 1, unit: 'workingDay' }, statutory: { amount: 20, unit: 'workingDay' } }, activatedAt);
 * ```
 * @throws {InvalidSlaError} when `sla` sets neither limit.
 * @throws {InvalidDurationError} when a limit cannot be counted.
 */
export function taskDeadlines(calendar: BusinessCalendar, sla: TaskSla, from: Date): TaskDeadlines {
  const parsed = taskSlaSchema.safeParse(sla);
  if (!parsed.success) throw new InvalidSlaError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const deadlines: TaskDeadlines = {};
  if (sla.promised !== undefined) deadlines.atRisk = addDuration(calendar, from, sla.promised);
  if (sla.statutory !== undefined) deadlines.breach = addDuration(calendar, from, sla.statutory);
  return deadlines;
}
