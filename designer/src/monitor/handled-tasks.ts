import { builtInCalendars, workingMinutesBetween, type WorkflowDefinition } from '@tongban/engine';
import type { CaseDetail, TaskView } from '../api/api.types.ts';
import { definitionRefKey } from '../api/reference-queries.ts';
import { workingMinutesPerDay } from '../sla/working-days-left.ts';

/** A decided task with how long it took. */
export interface HandledTask {
  task: TaskView;
  caseJurisdictionId: string;
  /** Working days from creation to decision on the definition's calendar (fractional). */
  workingDays: number;
  /** Elapsed hours from creation to decision. */
  hours: number;
}

/**
 * Every decided task (`status` `completed`) of `details` with its handling time: working days on
 * the calendar of the definition its case is pinned to, and elapsed hours. Tasks of a definition
 * not loaded yet, or on a calendar the console does not know, are left out. Pure.
 */
export function handledTasks(details: readonly CaseDetail[], definitions: ReadonlyMap<string, WorkflowDefinition>): HandledTask[] {
  const handled: HandledTask[] = [];
  for (const detail of details) {
    const definition = definitions.get(definitionRefKey({ key: detail.case.definitionKey, version: detail.case.definitionVersion }));
    if (definition === undefined || !builtInCalendars.has(definition.calendar)) continue;
    const calendar = builtInCalendars.get(definition.calendar);
    const perDay = workingMinutesPerDay(calendar);
    for (const task of detail.tasks) {
      if (task.status !== 'completed' || task.completedAt === null) continue;
      const from = new Date(task.createdAt);
      const to = new Date(task.completedAt);
      handled.push({
        task,
        caseJurisdictionId: detail.case.jurisdictionId,
        workingDays: perDay > 0 ? workingMinutesBetween(calendar, from, to).minutes / perDay : 0,
        hours: Math.max(0, to.getTime() - from.getTime()) / 3_600_000,
      });
    }
  }
  return handled;
}
