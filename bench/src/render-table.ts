import { formatNumber } from './format-number.ts';
import type { BenchmarkResult } from './results.ts';

const HEADERS = ['benchmark', 'figure', 'median', 'min', 'max', 'unit', 'reference (median)', 'ratio median [min–max]', 'target, remarks'] as const;

/** The rows of the suite's table: one per figure, and one per benchmark that did not end well. */
export function tableRows(results: readonly BenchmarkResult[]): string[][] {
  const rows: string[][] = [];
  for (const result of results) {
    if (result.status !== 'ok') {
      rows.push([result.id, `(${result.status}${result.reason ? `: ${result.reason}` : ''})`, '', '', '', '', '', '', '']);
      continue;
    }
    for (const figure of result.figures) {
      const reference = figure.reference;
      rows.push([
        result.id,
        figure.name,
        formatNumber(figure.median),
        formatNumber(figure.min),
        formatNumber(figure.max),
        figure.unit,
        reference ? `${reference.name}: ${formatNumber(reference.summary.median)} ${reference.unit}` : '',
        reference ? `${formatNumber(reference.ratio.median)} × [${formatNumber(reference.ratio.min)}–${formatNumber(reference.ratio.max)}]` : '',
        [figure.target, figure.missingRuns ? `${figure.missingRuns} run(s) without a value` : undefined].filter(Boolean).join('; '),
      ]);
    }
  }
  return rows;
}

/** The suite's one table as plain text, columns padded, numbers right-aligned. */
export function renderTable(results: readonly BenchmarkResult[]): string {
  const rows = [[...HEADERS], ...tableRows(results)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const numeric = new Set([2, 3, 4]);
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number)))
      .join('  ')
      .trimEnd();
  const separator = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(rows[0] as string[]), separator, ...rows.slice(1).map(line)].join('\n');
}

/** The same table in Markdown (for BENCHMARKS.md). */
export function renderMarkdownTable(results: readonly BenchmarkResult[]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  return [
    `| ${HEADERS.join(' | ')} |`,
    `| ${HEADERS.map((_, column) => ([2, 3, 4].includes(column) ? '---:' : '---')).join(' | ')} |`,
    ...tableRows(results).map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}
