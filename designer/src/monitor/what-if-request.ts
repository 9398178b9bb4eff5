import type { ForecastWhatIf } from '../api/api.types.ts';

/** One row of the what-if form: clerks added or removed in a department. */
export interface ClerkChangeRow {
  departmentId?: string | undefined;
  delta?: number | null | undefined;
}

/** One row of the what-if form: a department closed on a working day of the horizon. */
export interface ClosureRow {
  departmentId?: string | undefined;
  day?: number | null | undefined;
}

/**
 * The what-if of `POST /monitor/forecast` from the form's rows: changes of the same department
 * summed, rows without a department or a figure, and zero changes, left out; undefined when
 * nothing is left. Pure.
 */
export function whatIfRequest(clerks: readonly ClerkChangeRow[], closures: readonly ClosureRow[]): ForecastWhatIf | undefined {
  const changes: Record<string, number> = {};
  for (const row of clerks) {
    if (!row.departmentId || typeof row.delta !== 'number') continue;
    changes[row.departmentId] = (changes[row.departmentId] ?? 0) + row.delta;
  }
  const kept = Object.entries(changes).filter(([, delta]) => delta !== 0);
  const days = closures.filter((row): row is { departmentId: string; day: number } => Boolean(row.departmentId) && typeof row.day === 'number');
  const unique = [...new Map(days.map((row) => [`${row.departmentId}@${row.day}`, { departmentId: row.departmentId, day: row.day }])).values()];
  if (kept.length === 0 && unique.length === 0) return undefined;
  return { ...(kept.length === 0 ? {} : { clerks: Object.fromEntries(kept) }), ...(unique.length === 0 ? {} : { closures: unique }) };
}
