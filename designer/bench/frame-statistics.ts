/** Summary of a set of frame times. */
export interface FrameStatistics {
  frames: number;
  /** Frame times in milliseconds. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  p95Ms: number;
  /** Frames per second over the measured time: `frames / (sum of frame times in seconds)`. */
  fps: number;
}

/** The value at quantile `q` (0–1) of ascending `sorted`, by the nearest-rank method. */
function nearestRank(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * Median, minimum, maximum and 95th percentile (nearest rank) of `frameTimesMs`, and the frame
 * rate they add up to. Every figure is `NaN` when there are no frames.
 */
export function frameStatistics(frameTimesMs: readonly number[]): FrameStatistics {
  const sorted = [...frameTimesMs].sort((a, b) => a - b);
  const totalMs = sorted.reduce((sum, value) => sum + value, 0);
  return {
    frames: sorted.length,
    medianMs: nearestRank(sorted, 0.5),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    p95Ms: nearestRank(sorted, 0.95),
    fps: sorted.length === 0 ? Number.NaN : (sorted.length * 1000) / totalMs,
  };
}
