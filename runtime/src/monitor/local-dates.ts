/** A local date `YYYY-MM-DD` that exists (no 2026-02-30). */
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of the civil date `date` (`YYYY-MM-DD`), or undefined when it is not one. Pure. */
export function dayNumberOfDate(date: string): number | undefined {
  const match = LOCAL_DATE.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / MS_PER_DAY : undefined;
}

/** The civil date `days` days after `date` (`YYYY-MM-DD`; `days` may be negative). Pure. */
export function addDays(date: string, days: number): string {
  const start = dayNumberOfDate(date);
  if (start === undefined) throw new RangeError(`'${date}' is not a date YYYY-MM-DD`);
  return new Date((start + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Every civil date from `from` to `to`, both included, in order; empty when `to` is before `from`. Pure. */
export function datesFrom(from: string, to: string): string[] {
  const first = dayNumberOfDate(from);
  const last = dayNumberOfDate(to);
  if (first === undefined || last === undefined) throw new RangeError(`'${from}'..'${to}' is not a range of dates YYYY-MM-DD`);
  const dates: string[] = [];
  for (let day = first; day <= last; day += 1) dates.push(new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
  return dates;
}
