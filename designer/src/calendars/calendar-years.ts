/** The years of a calendar that deadlines are counted in provisionally, on weekends only. */
export interface ProvisionalYears {
  /** Years between the first and the last notice that have none. */
  gaps: number[];
  /** The first year after the last notice: it and every later year are provisional; null without any notice. */
  from: number | null;
  /** The year of the first notice: every earlier year is provisional too; null without any notice. */
  before: number | null;
}

/**
 * Which years a calendar with notices for `years` counts provisionally: a year without a holiday
 * notice is counted on weekends only, so a deadline crossing it is provisional (暂定) until the
 * State Council's notice for it is loaded. Pure.
 */
export function provisionalYears(years: readonly number[]): ProvisionalYears {
  if (years.length === 0) return { gaps: [], from: null, before: null };
  const known = new Set(years);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const gaps: number[] = [];
  for (let year = first + 1; year < last; year += 1) if (!known.has(year)) gaps.push(year);
  return { gaps, from: last + 1, before: first };
}
