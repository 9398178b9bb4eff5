import type { DepartmentLoad, DistrictHandling, Jurisdiction } from '../api/api.types.ts';
import { districtOf } from './district-of.ts';

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
  /** Median working minutes from a task's creation to its decision (from the API); null when none was decided. */
  medianHandlingMinutes: number | null;
  /** Decided tasks the median is taken over. */
  handled: number;
}

function compliance(met: number, breached: number): number | null {
  return met + breached === 0 ? null : met / (met + breached);
}

/**
 * Overview rows per department from the monitor's load: counts, compliance and the median
 * handling time the API counted; departments with no task at all are left out. Sorted by overdue,
 * then at risk, then open, most first. Pure.
 */
export function departmentRows(load: readonly DepartmentLoad[]): OverviewRow[] {
  return load
    .filter((row) => row.open + row.met + row.breached > 0)
    .map((row) => ({
      id: row.departmentId,
      name: row.departmentName,
      open: row.open,
      atRisk: row.atRisk,
      overdue: row.overdue,
      met: row.met,
      breached: row.breached,
      compliance: compliance(row.met, row.breached),
      medianHandlingMinutes: row.medianHandlingMinutes,
      handled: row.handled,
    }))
    .sort(byUrgency);
}

/**
 * Overview rows per district: the load of every department of a district and its sub-districts
 * added up (city departments form the city's row), the median the API counted over the
 * district's decided tasks (`districts`). Sorted like {@link departmentRows}. Pure.
 */
export function districtRows(
  load: readonly DepartmentLoad[],
  districts: readonly DistrictHandling[],
  jurisdictions: ReadonlyMap<string, Jurisdiction>,
): OverviewRow[] {
  const handling = new Map(districts.map((district) => [district.jurisdictionId, district]));
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
      medianHandlingMinutes: handling.get(district)?.medianHandlingMinutes ?? null,
      handled: handling.get(district)?.handled ?? 0,
    };
    row.open += department.open;
    row.atRisk += department.atRisk;
    row.overdue += department.overdue;
    row.met += department.met;
    row.breached += department.breached;
    rows.set(district, row);
  }
  return [...rows.values()]
    .filter((row) => row.open + row.met + row.breached > 0)
    .map((row) => ({ ...row, compliance: compliance(row.met, row.breached) }))
    .sort(byUrgency);
}

function byUrgency(a: OverviewRow, b: OverviewRow): number {
  return b.overdue - a.overdue || b.atRisk - a.atRisk || b.open - a.open || a.id.localeCompare(b.id);
}
