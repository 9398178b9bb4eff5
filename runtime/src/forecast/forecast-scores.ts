/** A predicted probability of a breach and whether it happened. */
export interface Prediction {
  probability: number;
  breached: boolean;
}

/** One decile of predicted probability: how many fell in it, their mean prediction, and how often they breached. */
export interface CalibrationBin {
  /** [from, to) of predicted probability (the last includes 1). */
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observed: number;
}

/**
 * The Brier score of `predictions`: the mean squared difference between each predicted
 * probability and what happened (1 a breach, 0 none); 0 is perfect, lower is better.
 *
 * Pure: performs no I/O.
 */
export function brierScore(predictions: readonly Prediction[]): number {
  if (predictions.length === 0) return 0;
  return predictions.reduce((sum, p) => sum + (p.probability - (p.breached ? 1 : 0)) ** 2, 0) / predictions.length;
}

/**
 * Calibration by decile: predictions grouped by predicted probability in tenths, each group's
 * mean prediction beside its observed breach share (empty deciles left out).
 *
 * Pure: performs no I/O.
 */
export function calibrationByDecile(predictions: readonly Prediction[]): CalibrationBin[] {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: 0, predicted: 0, breached: 0 }));
  for (const p of predictions) {
    const bin = bins[Math.min(9, Math.floor(p.probability * 10))] as (typeof bins)[number];
    bin.count += 1;
    bin.predicted += p.probability;
    bin.breached += p.breached ? 1 : 0;
  }
  return bins
    .filter((b) => b.count > 0)
    .map((b) => ({ from: b.from, to: b.to, count: b.count, meanPredicted: b.predicted / b.count, observed: b.breached / b.count }));
}

/** An open task as the naive baseline sees it. */
export interface BaselineTask {
  /** Working days to its statutory limit (≤ 0: overdue); undefined without one. */
  dueAt: number | undefined;
}

/**
 * The naive baseline: a task already overdue breaches; one whose statutory limit passes within
 * `horizonDays` breaches at `currentRate` (the share of limits that came due so far and were
 * breached); any other does not.
 *
 * Pure: performs no I/O.
 */
export function baselineProbability(task: BaselineTask, horizonDays: number, currentRate: number): number {
  if (task.dueAt === undefined) return 0;
  if (task.dueAt <= 0) return 1;
  return task.dueAt <= horizonDays ? currentRate : 0;
}
