import { taskDeadlines, type BusinessCalendar, type TaskSla } from '@tongban/engine';
import { firstBasis } from './deadline-basis.ts';
import type { TimerSpec } from './timer-book.ts';

/** A new task's limits as its row shows them, and the timers that watch them. */
export interface TaskClocks {
  columns: { atRiskAt: Date | null; dueAt: Date | null; provisional: boolean };
  timers: TimerSpec[];
}

/**
 * The clocks of a task opened at `from` (row id `task.id`, activation `task.activationId`) under
 * its node's `sla`: the promised limit (`taskAtRisk`) and the statutory one (`taskBreach`) counted
 * on `calendar`, each with the basis it can be counted again from. Every task starts its clocks
 * here, however it was opened (a step of the case, an added signer). Pure.
 */
export function taskClocks(calendar: BusinessCalendar, sla: TaskSla | undefined, from: Date, task: { id: string; activationId: string }): TaskClocks {
  const { atRisk, breach } = sla ? taskDeadlines(calendar, sla, from) : {};
  const owner = { owner: task.activationId, taskId: task.id, generation: 1 };
  return {
    columns: { atRiskAt: atRisk?.dueAt ?? null, dueAt: breach?.dueAt ?? null, provisional: Boolean(atRisk?.provisional || breach?.provisional) },
    timers: [
      ...(atRisk && sla?.promised ? [{ ...owner, kind: 'taskAtRisk' as const, dueAt: atRisk.dueAt, basis: firstBasis(from, sla.promised), provisional: atRisk.provisional }] : []),
      ...(breach && sla?.statutory ? [{ ...owner, kind: 'taskBreach' as const, dueAt: breach.dueAt, basis: firstBasis(from, sla.statutory), provisional: breach.provisional }] : []),
    ],
  };
}
