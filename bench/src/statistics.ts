/** Median, min and max of a set of samples: how every figure of the suite is summarised. */
export interface Summary {
  median: number;
  min: number;
  max: number;
}

/**
 * The value at fraction `p` (0–1) of ascending `sorted`, by the nearest-rank method (the sample
 * whose rank is ⌈p·n⌉; p = 0 gives the smallest).
 * @throws RangeError when `sorted` is empty or `p` lies outside 0–1.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no samples');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile fraction ${p} is outside 0–1`);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

/**
 * Median (for an even count, the mean of the two middle samples), min and max of `samples`.
 * @throws RangeError when `samples` is empty.
 */
export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('summary of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted.at(-1) as number };
}

/** `samples[i] / references[i]` for each pair run together. @throws RangeError when the lengths differ. */
export function pairRatios(samples: readonly number[], references: readonly number[]): number[] {
  if (samples.length !== references.length) {
    throw new RangeError(`${samples.length} samples cannot be paired with ${references.length} references`);
  }
  return samples.map((sample, index) => sample / (references[index] as number));
}
