import { writeFileSync } from 'node:fs';
import { summarise, type Summary } from './statistics.ts';

/** Which way a figure improves. */
export type Better = 'lower' | 'higher';

/** One figure of a benchmark: its samples (one per run) and their summary. */
export interface Figure extends Summary {
  /** Short name, unique within its benchmark, e.g. `step µs (engine)`. */
  name: string;
  unit: string;
  better: Better;
  /** One value per measured run, in run order. */
  samples: number[];
  /** The figure this one is compared with, measured in the same run, and the ratio of each run's pair. */
  reference?: { name: string; unit: string; summary: Summary; ratio: Summary };
  /** The target from DESIGN.md §10 or the issue, as text (`≤ 1.5 ×`, `≤ 50 ms`). */
  target?: string;
  /** One line on what the figure is, for the report. */
  note?: string;
  /** Runs that gave no value (e.g. no request answered), left out of `samples` and the summary. */
  missingRuns?: number;
}

/** What one benchmark process hands back to the runner. */
export interface BenchmarkOutput {
  figures: Figure[];
  /** Anything the report shows beside the figures: query plans, sizes, settings, versions. */
  details: Record<string, unknown>;
}

/** Options of {@link FigureSink.add}. */
export interface FigureInput {
  name: string;
  unit: string;
  better: Better;
  samples: readonly number[];
  /** A reference measured in the same runs: its samples pair with `samples` one to one. */
  reference?: { name: string; unit: string; samples: readonly number[] };
  target?: string;
  note?: string;
}

/**
 * Collects a benchmark's figures and writes them, when the process ends, to the file named by
 * the environment variable {@link FIGURES_FILE_VARIABLE} (set by the suite runner). Without it
 * the figures are only printed by the benchmark itself.
 */
export class FigureSink {
  private readonly output: BenchmarkOutput = { figures: [], details: {} };

  constructor(private readonly file: string | undefined = process.env[FIGURES_FILE_VARIABLE]) {}

  /**
   * Adds a figure; its summary (and the pair ratios to its reference) are computed here. A run
   * whose value (or whose reference's value) is not a finite number is left out and counted in
   * `missingRuns`; a figure with no run left is recorded as a detail instead, and undefined returned.
   */
  add(input: FigureInput): Figure | undefined {
    const reference = input.reference?.samples;
    if (reference && reference.length !== input.samples.length) {
      throw new RangeError(`Figure '${input.name}' has ${input.samples.length} samples but its reference '${input.reference?.name}' has ${reference.length}`);
    }
    const kept = input.samples.flatMap((sample, index) =>
      Number.isFinite(sample) && (reference === undefined || Number.isFinite(reference[index])) ? [index] : [],
    );
    const missingRuns = input.samples.length - kept.length;
    if (kept.length === 0) {
      this.detail(`no value: ${input.name}`, `none of the ${input.samples.length} runs gave a value`);
      return undefined;
    }
    const samples = kept.map((index) => input.samples[index] as number);
    const figure: Figure = {
      name: input.name,
      unit: input.unit,
      better: input.better,
      samples,
      ...summarise(samples),
      ...(input.target === undefined ? {} : { target: input.target }),
      ...(input.note === undefined ? {} : { note: input.note }),
      ...(missingRuns === 0 ? {} : { missingRuns }),
    };
    if (input.reference && reference) {
      const references = kept.map((index) => reference[index] as number);
      figure.reference = {
        name: input.reference.name,
        unit: input.reference.unit,
        summary: summarise(references),
        ratio: summarise(samples.map((sample, index) => sample / (references[index] as number))),
      };
    }
    this.output.figures.push(figure);
    this.flush();
    return figure;
  }

  /** Records a detail shown in the report beside the figures (JSON-serialisable). */
  detail(key: string, value: unknown): void {
    this.output.details[key] = value;
    this.flush();
  }

  /** Everything recorded so far. */
  get recorded(): BenchmarkOutput {
    return this.output;
  }

  private flush(): void {
    if (this.file !== undefined && this.file !== '') writeFileSync(this.file, `${JSON.stringify(this.output, null, 2)}\n`);
  }
}

/** The environment variable naming the file a benchmark process writes its figures to. */
export const FIGURES_FILE_VARIABLE = 'TONGBAN_BENCH_FIGURES';

/** Whether the suite runs in quick mode (`npm run bench -- --quick`): benchmarks shrink their sizes. */
export const QUICK_VARIABLE = 'TONGBAN_BENCH_QUICK';

/** True when the runner asked for quick sizes. */
export function quickMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[QUICK_VARIABLE] === '1';
}
