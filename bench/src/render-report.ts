import { formatNumber } from './format-number.ts';
import { renderMarkdownTable } from './render-table.ts';
import type { RunResults } from './results.ts';

/** The markers between which BENCHMARKS.md holds what {@link renderReport} writes. */
export const REPORT_START = '<!-- figures:start (written by npm run bench; edit the text outside these markers) -->';
export const REPORT_END = '<!-- figures:end -->';

/** One line of the before/after table: a figure present in both runs. */
export interface Comparison {
  benchmark: string;
  figure: string;
  unit: string;
  before: number;
  after: number;
  /** after ÷ before. */
  change: number;
  /** Whether the change is an improvement given which way the figure is better (undefined: equal). */
  improved: boolean | undefined;
}

/** The figures `before` and `after` share (same benchmark id, same figure name, same unit). */
export function compareRuns(before: RunResults, after: RunResults): Comparison[] {
  const earlier = new Map<string, { median: number; unit: string }>();
  for (const result of before.benchmarks) {
    for (const figure of result.figures) earlier.set(`${result.id}\u0000${figure.name}`, { median: figure.median, unit: figure.unit });
  }
  const comparisons: Comparison[] = [];
  for (const result of after.benchmarks) {
    for (const figure of result.figures) {
      const old = earlier.get(`${result.id}\u0000${figure.name}`);
      if (!old || old.unit !== figure.unit) continue;
      const change = figure.median / old.median;
      comparisons.push({
        benchmark: result.id,
        figure: figure.name,
        unit: figure.unit,
        before: old.median,
        after: figure.median,
        change,
        improved: change === 1 ? undefined : (figure.better === 'lower') === change < 1,
      });
    }
  }
  return comparisons;
}

function machineTable(run: RunResults): string {
  const m = run.machine;
  const load = (values: readonly number[] | undefined) => (values ? values.map((v) => v.toFixed(2)).join(', ') : '—');
  return [
    '| | |',
    '| --- | --- |',
    `| CPU | ${m.cpu}, ${m.cores} cores |`,
    `| memory | ${m.memoryGiB} GiB |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} |`,
    `| PostgreSQL | ${m.postgres} |`,
    `| Redis | ${m.redis} |`,
    `| pgbench | ${m.pgbench} |`,
    `| commit | ${m.commit} |`,
    `| run | ${run.mode}, ${run.startedAt} → ${run.finishedAt}${run.mergedInto ? ` (some benchmarks re-run into ${run.mergedInto}: see their start times)` : ''} |`,
    `| load average (1, 5, 15 min) | start ${load(m.loadAverage.start)}; end ${load(m.loadAverage.end)} |`,
  ].join('\n');
}

function comparisonTable(before: RunResults, after: RunResults, beforeName: string): string {
  const rows = compareRuns(before, after);
  if (rows.length === 0) return `No figure of this run is in ${beforeName}.`;
  const mark = (improved: boolean | undefined) => (improved === undefined ? '=' : improved ? 'better' : 'worse');
  return [
    `Before: ${beforeName} (${before.mode}, ${before.startedAt}, commit ${before.machine.commit}). After: this run.`,
    '',
    '| benchmark | figure | unit | before | after | after ÷ before | |',
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) => `| ${r.benchmark} | ${r.figure} | ${r.unit} | ${formatNumber(r.before)} | ${formatNumber(r.after)} | ${formatNumber(r.change)} | ${mark(r.improved)} |`,
    ),
  ].join('\n');
}

function detailBlock(key: string, value: unknown): string {
  if (typeof value === 'string' && value.includes('\n')) return `**${key}**\n\n\`\`\`\n${value.trimEnd()}\n\`\`\``;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `- **${key}**: ${String(value)}`;
  return `**${key}**\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``;
}

/**
 * The generated part of BENCHMARKS.md: machine and versions, the figures of `run` (one table),
 * the before/after table when `before` is given, and each benchmark's details (sizes, settings,
 * query plans).
 */
export function renderReport(run: RunResults, resultsName: string, before?: { run: RunResults; name: string }): string {
  const sections = [
    REPORT_START,
    '',
    `## Machine and versions (read at run time)`,
    '',
    machineTable(run),
    '',
    `## Figures`,
    '',
    `From \`${resultsName}\`. Median, min and max over the runs of each figure; a ratio is taken run by run against its reference measured in the same run.`,
    '',
    renderMarkdownTable(run.benchmarks),
    '',
    `## Before / after`,
    '',
    before ? comparisonTable(before.run, run, before.name) : 'This run is the baseline ("before"). Re-run with `--before` naming its results file to fill this table.',
    '',
    `## Details of each benchmark`,
  ];
  for (const result of run.benchmarks) {
    sections.push('', `### ${result.id}`, '', `${result.title}`, '', `\`${result.command}\` — ${result.status}${result.reason ? ` (${result.reason})` : ''}, ${result.durationSeconds.toFixed(0)} s${result.startedAt ? ` from ${result.startedAt}` : ''}${result.loadAverage ? `; 1-minute load average ${result.loadAverage.start} at its start, ${result.loadAverage.end} at its end` : ''}`);
    for (const figure of result.figures) if (figure.note) sections.push(`- *${figure.name}*: ${figure.note}`);
    for (const [key, value] of Object.entries(result.details)) sections.push('', detailBlock(key, value));
  }
  sections.push('', REPORT_END);
  return sections.join('\n');
}

/**
 * `document` with the part between {@link REPORT_START} and {@link REPORT_END} replaced by
 * `generated` (appended when the markers are missing).
 */
export function replaceReport(document: string, generated: string): string {
  const start = document.indexOf(REPORT_START);
  const end = document.indexOf(REPORT_END);
  if (start === -1 || end === -1 || end < start) return `${document.trimEnd()}\n\n${generated}\n`;
  return `${document.slice(0, start)}${generated}${document.slice(end + REPORT_END.length)}`;
}
