import type { Figure } from './figures.ts';
import type { MachineInfo } from './machine.ts';

/** How one benchmark process ended. */
export type BenchmarkStatus = 'ok' | 'failed' | 'timed-out' | 'skipped';

/** One benchmark of a run: what ran, how it ended, its figures and details. */
export interface BenchmarkResult {
  id: string;
  title: string;
  /** The command line, relative to its package folder. */
  command: string;
  status: BenchmarkStatus;
  /** Why it failed or was skipped. */
  reason?: string;
  durationSeconds: number;
  /** When it started, and the 1-minute load average at its start and end: how busy the machine was. */
  startedAt?: string;
  loadAverage?: { start: number; end: number };
  figures: Figure[];
  details: Record<string, unknown>;
}

/** A results file (`bench/results/<timestamp>.json`, `latest.json`). */
export interface RunResults {
  /** Format version of this file. */
  format: 1;
  mode: 'full' | 'quick';
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  benchmarks: BenchmarkResult[];
  /** Set when some benchmarks were re-run into an earlier file (`--merge`): that file's name. */
  mergedInto?: string;
}

/** `2026-12-08T14-03-11Z`: an ISO instant usable as a file name. */
export function resultsFileStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
}
