/** How a set of durations is spread: count, median and 95th percentile (null when empty). */
export interface Distribution {
  count: number;
  median: number | null;
  p95: number | null;
}

/**
 * The `p`-th percentile of `values` by the nearest-rank method (the smallest value with at least
 * `p`% of the values at or below it); null for no values.
 *
 * Pure: performs no I/O.
 * @throws RangeError when `p` is not in (0, 100].
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`A percentile lies in (0, 100]; got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] as number;
}

/**
 * The median of `values`: the middle value, or the mean of the two middle values for an even
 * count; null for no values.
 *
 * Pure: performs no I/O.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The {@link Distribution} of `values`, rounded to `decimals` places (default 2).
 *
 * Pure: performs no I/O.
 */
export function distributionOf(values: readonly number[], decimals = 2): Distribution {
  const round = (value: number | null) => (value === null ? null : Number(value.toFixed(decimals)));
  return { count: values.length, median: round(median(values)), p95: round(percentile(values, 95)) };
}
