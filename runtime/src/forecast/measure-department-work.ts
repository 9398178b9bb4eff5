import type { DepartmentWork } from './forecast.types.ts';

/** One recorded decision of a department: when its task was created and decided, in working days. */
export interface RecordedDecision {
  departmentId: string;
  openedAt: number;
  decidedAt: number;
}

/** A department's clerks and what its simulation profile says when its history is thin. */
export interface DepartmentStaff {
  departmentId: string;
  name: string;
  clerks: number;
  /** The profile's tasks per clerk per working day. */
  profileTasksPerClerkPerDay: number;
  /** The profile's handling times, working days, ascending. */
  profileHandlingDays: readonly number[];
}

/** Decisions below which a department's own figures are not trusted and the profile stands in. */
export const MIN_DECISIONS = 20;

/** Quantile of a department's daily decisions per clerk taken as what a clerk can do in a day. */
const CAPACITY_QUANTILE = 0.9;

/**
 * Measures how each department works from its decisions recorded over the last `days` working
 * days (`decidedAt` in (−days, 0]): the handling-time distribution (creation to decision, working
 * days) and the tasks a clerk decides per working day — the 90th percentile of its daily decisions
 * per clerk, since a quiet day measures the work that came, not what the clerks could do. A
 * department with fewer than {@link MIN_DECISIONS} decisions takes its profile's figures
 * (`source: 'profile'`).
 *
 * Pure: performs no I/O.
 */
export function measureDepartmentWork(decisions: readonly RecordedDecision[], staff: readonly DepartmentStaff[], days: number): Map<string, DepartmentWork> {
  const byDepartment = new Map<string, RecordedDecision[]>();
  for (const decision of decisions) {
    if (decision.decidedAt <= -days || decision.decidedAt > 0) continue;
    const list = byDepartment.get(decision.departmentId);
    if (list) list.push(decision);
    else byDepartment.set(decision.departmentId, [decision]);
  }
  const work = new Map<string, DepartmentWork>();
  for (const department of staff) {
    const own = byDepartment.get(department.departmentId) ?? [];
    const base = { departmentId: department.departmentId, name: department.name, clerks: department.clerks, decisions: own.length };
    if (own.length < MIN_DECISIONS || department.clerks === 0) {
      work.set(department.departmentId, {
        ...base,
        tasksPerClerkPerDay: department.profileTasksPerClerkPerDay,
        handlingDays: department.profileHandlingDays,
        source: 'profile',
      });
      continue;
    }
    const perDay = new Array<number>(Math.max(1, Math.ceil(days))).fill(0);
    for (const d of own) {
      const index = Math.min(perDay.length - 1, Math.max(0, Math.floor(-d.decidedAt)));
      perDay[index] = (perDay[index] ?? 0) + 1;
    }
    const busy = perDay.filter((n) => n > 0).map((n) => n / department.clerks).sort((a, b) => a - b);
    work.set(department.departmentId, {
      ...base,
      tasksPerClerkPerDay: busy[Math.min(busy.length - 1, Math.floor(CAPACITY_QUANTILE * busy.length))] as number,
      handlingDays: own.map((d) => Math.max(0, d.decidedAt - d.openedAt)).sort((a, b) => a - b),
      source: 'history',
    });
  }
  return work;
}
