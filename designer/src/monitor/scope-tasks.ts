import type { CaseDetail } from '../api/api.types.ts';

/**
 * The cases `details` with only the tasks of departments in `departmentIds` (the monitor's
 * scope), so figures counted over case details agree with the overview: a district manager sees
 * a district case whose fire inspection went to the city, but not the city department's load. Pure.
 */
export function scopeTasks(details: readonly CaseDetail[], departmentIds: ReadonlySet<string>): CaseDetail[] {
  return details.map((detail) => ({ ...detail, tasks: detail.tasks.filter((task) => departmentIds.has(task.departmentId)) }));
}
