import type { ForecastInput, ForecastResult, WhatIf } from './forecast.types.ts';
import { createForecastModel } from './run-forecast.ts';

/** One forecast to compute, as plain data (a worker thread receives it by structured clone). */
export interface ForecastJob {
  input: ForecastInput;
  /** The instant the open cases were read at (stamps the engine's snapshots only). */
  now: Date;
  /** Run again under these changes, beside the forecast as things are. */
  whatIf: WhatIf | undefined;
}

/** What a {@link ForecastJob} computes. */
export interface ForecastJobResult {
  base: ForecastResult;
  /** Under the job's what-if, when it has one. */
  whatIf: ForecastResult | undefined;
  /** Engine steps computed over both (the rest were reused across runs). */
  engineSteps: number;
}

/**
 * Computes `job`: the Monte Carlo runs as things are and, when asked, under the what-if, on one
 * model (so the what-if reuses the engine steps already computed).
 *
 * Pure: performs no I/O.
 */
export function runForecastJob(job: ForecastJob): ForecastJobResult {
  const model = createForecastModel(job.input, job.now);
  const base = model.run();
  const whatIf = job.whatIf === undefined ? undefined : model.run(job.whatIf);
  return { base, whatIf, engineSteps: model.engineSteps };
}
