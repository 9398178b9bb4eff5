import type { SeriesDay } from '../api/api.types.ts';

/** The monitor's daily series as the trend charts draw it: one array per line or bar, oldest day first. */
export interface TrendSeries {
  /** Shanghai dates `YYYY-MM-DD`. */
  dates: string[];
  /** Tasks open at the end of each day. */
  open: number[];
  /** Tasks created each day. */
  created: number[];
  /** Tasks closed each day within their statutory limit. */
  met: number[];
  /** Tasks closed each day after it. */
  breached: number[];
  /** `met / (met + breached)` of each day, 0–1; null on a day nothing closed. */
  compliance: (number | null)[];
}

/** The days of `GET /monitor/series` as chart arrays, with each day's compliance. Pure. */
export function trendSeries(days: readonly SeriesDay[]): TrendSeries {
  return {
    dates: days.map((day) => day.date),
    open: days.map((day) => day.openAtEnd),
    created: days.map((day) => day.created),
    met: days.map((day) => day.met),
    breached: days.map((day) => day.breached),
    compliance: days.map((day) => (day.met + day.breached === 0 ? null : day.met / (day.met + day.breached))),
  };
}
