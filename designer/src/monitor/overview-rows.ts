import type { DepartmentLoad, Jurisdiction } from '../api/api.types.ts';
import { districtOf } from './district-of.ts';
import type { HandledTask } from './handled-tasks.ts';
import { median } from './median.ts';

/** One row of the monitor's overview: a department or a district. */
export interface OverviewRow {
  id: string;
  name: string;
  open: number;
  atRisk: number;
  overdue: number;
  met: number;
  breached: number;
  /** Share of closed tasks closed within their statutory limit, 0–1; null when none closed. */
  compliance: number | null;
  /** Median working days from a task's creation to its decision; null when none was decided. */
  medianWorkingDays: number | null;
  /** Decided tasks the median is taken over. */
  handled: number;
}

function compliance(met: number, breached: number): number | null {
  return met + breached === 0 ? null : met / (met + breached);
}

/**
 * Overview rows per department: counts and compliance from the monitor's load, the median
 * handling time from the decided tasks `handled`; departments with no task at all are left out.
 * Sorted by overdue, then at risk, then open, most first. Pure.
 */
export function departmentRows(load: readonly DepartmentLoad[], handled: readonly HandledTask[]): OverviewRow[] {
  return load
    .filter((row) => row.open + row.met + row.breached > 0)
    .map((row) => {
      const days = handled.filter((entry) => entry.task.departmentId === row.departmentId).map((entry) => entry.workingDays);
      return {
        id: row.departmentId,
        name: row.departmentName,
        open: row.open,
        atRisk: row.atRisk,
        overdue: row.overdue,
        met: row.met,
        breached: row.breached,
        compliance: compliance(row.met, row.breached),
        medianWorkingDays: median(days),
        handled: days.length,
      };
    })
    .sort(byUrgency);
}

/**
 * Overview rows per district: the load of every department of a district and its sub-districts
 * added up (city departments form the city's row), the median over the district's decided tasks.
 * Sorted like {@link departmentRows}. Pure.
 */
export function districtRows(
  load: readonly DepartmentLoad[],
  handled: readonly HandledTask[],
  jurisdictions: ReadonlyMap<string, Jurisdiction>,
): OverviewRow[] {
  const rows = new Map<string, OverviewRow>();
  for (const department of load) {
    const district = districtOf(department.jurisdictionId, jurisdictions);
    const row = rows.get(district) ?? {
      id: district,
      name: jurisdictions.get(district)?.name ?? district,
      open: 0,
      atRisk: 0,
      overdue: 0,
      met: 0,
      breached: 0,
      compliance: null,
      medianWorkingDays: null,
      handled: 0,
    };
    row.open += department.open;
    row.atRisk += department.atRisk;
    row.overdue += department.overdue;
    row.met += department.met;
    row.breached += department.breached;
    rows.set(district, row);
  }
  const departmentDistrict = new Map(load.map((department) => [department.departmentId, districtOf(department.jurisdictionId, jurisdictions)]));
  return [...rows.values()]
    .filter((row) => row.open + row.met + row.breached > 0)
    .map((row) => {
      const days = handled.filter((entry) => departmentDistrict.get(entry.task.departmentId) === row.id).map((entry) => entry.workingDays);
      return { ...row, compliance: compliance(row.met, row.breached), medianWorkingDays: median(days), handled: days.length };
    })
    .sort(byUrgency);
}

function byUrgency(a: OverviewRow, b: OverviewRow): number {
  return b.overdue - a.overdue || b.atRisk - a.atRisk || b.open - a.open || a.id.localeCompare(b.id);
}
