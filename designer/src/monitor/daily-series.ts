import type { CaseDetail } from '../api/api.types.ts';
import { displayTimeZone } from '../i18n/format-instant.ts';

/** Load and SLA compliance per local day, oldest first. */
export interface DailySeries {
  /** Local dates `YYYY-MM-DD`. */
  dates: string[];
  /** Tasks open at the end of the day (or now, for today). */
  open: number[];
  /** Tasks created that day. */
  created: number[];
  /** Tasks closed that day within their statutory limit. */
  met: number[];
  /** Tasks closed that day after it. */
  breached: number[];
  /** `met / (met + breached)` of the day, 0–1; null on a day nothing closed. */
  compliance: (number | null)[];
}

const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: displayTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

function dateOf(instant: string | Date): string {
  return localDate.format(typeof instant === 'string' ? new Date(instant) : instant);
}

function previousDates(last: string, days: number): string[] {
  const [year = 1970, month = 1, day = 1] = last.split('-').map(Number);
  const dates: string[] = [];
  for (let back = days - 1; back >= 0; back -= 1) {
    dates.push(new Date(Date.UTC(year, month - 1, day - back)).toISOString().slice(0, 10));
  }
  return dates;
}

/**
 * The last `days` local days (in the console's time zone) up to `now`, counted over every task of
 * the cases `details`: how many were open at each day's end, created, and closed met or breached,
 * with the day's compliance. Pure.
 */
export function dailySeries(details: readonly CaseDetail[], now: Date, days: number): DailySeries {
  const dates = previousDates(dateOf(now), days);
  const index = new Map(dates.map((date, position) => [date, position]));
  const series: DailySeries = {
    dates,
    open: dates.map(() => 0),
    created: dates.map(() => 0),
    met: dates.map(() => 0),
    breached: dates.map(() => 0),
    compliance: [],
  };
  for (const detail of details) {
    for (const task of detail.tasks) {
      const created = dateOf(task.createdAt);
      const closed = task.completedAt === null ? null : dateOf(task.completedAt);
      const createdAt = index.get(created);
      if (createdAt !== undefined) series.created[createdAt] = (series.created[createdAt] ?? 0) + 1;
      dates.forEach((date, position) => {
        if (created <= date && (closed === null || closed > date)) series.open[position] = (series.open[position] ?? 0) + 1;
      });
      const closedAt = closed === null ? undefined : index.get(closed);
      if (closedAt !== undefined && task.slaState === 'met') series.met[closedAt] = (series.met[closedAt] ?? 0) + 1;
      if (closedAt !== undefined && task.slaState === 'breached') series.breached[closedAt] = (series.breached[closedAt] ?? 0) + 1;
    }
  }
  series.compliance = dates.map((_, position) => {
    const met = series.met[position] ?? 0;
    const total = met + (series.breached[position] ?? 0);
    return total === 0 ? null : met / total;
  });
  return series;
}
