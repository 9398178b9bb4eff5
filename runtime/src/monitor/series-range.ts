import { dayNumberOfDate } from './local-dates.ts';

/** The most days one daily series may cover (a year, leap day included). */
export const MAX_SERIES_DAYS = 366;

/** Days a daily series covers when no start is given: the last 30, today included. */
export const DEFAULT_SERIES_DAYS = 30;

/** What is wrong with a range of days, naming the bound at fault. */
export interface SeriesRangeProblem {
  field: 'from' | 'to';
  message: string;
}

/**
 * What is wrong with the range of local days `from`–`to` (`YYYY-MM-DD`, both included): a bound
 * that is not a date that exists, `to` before `from`, or more than {@link MAX_SERIES_DAYS} days;
 * null when it is a valid range. Pure.
 */
export function seriesRangeProblem(from: string, to: string): SeriesRangeProblem | null {
  const first = dayNumberOfDate(from);
  if (first === undefined) return { field: 'from', message: `'${from}' is not a date YYYY-MM-DD that exists` };
  const last = dayNumberOfDate(to);
  if (last === undefined) return { field: 'to', message: `'${to}' is not a date YYYY-MM-DD that exists` };
  if (last < first) return { field: 'to', message: `${to} is before ${from}` };
  if (last - first + 1 > MAX_SERIES_DAYS) {
    return { field: 'to', message: `${from}..${to} covers ${last - first + 1} days; at most ${MAX_SERIES_DAYS}` };
  }
  return null;
}
