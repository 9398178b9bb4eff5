import { describe, expect, it } from 'vitest';
import type { Figure } from './figures.ts';
import { compareRuns, REPORT_END, REPORT_START, renderReport, replaceReport } from './render-report.ts';
import type { RunResults } from './results.ts';

function figure(name: string, median: number, better: Figure['better'], unit = '/s'): Figure {
  return { name, unit, better, samples: [median], median, min: median, max: median };
}

function run(figures: Figure[], details: Record<string, unknown> = {}): RunResults {
  return {
    format: 1,
    mode: 'full',
    startedAt: '2026-12-07T10:00:00.000Z',
    finishedAt: '2026-12-07T11:00:00.000Z',
    machine: {
      cpu: 'Test CPU',
      cores: 2,
      memoryGiB: 24,
      os: 'Linux',
      node: 'v20.20.2',
      postgres: 'postgres (PostgreSQL) 18.4',
      redis: 'Redis server v=7.0.15',
      pgbench: 'pgbench 15',
      commit: 'abc1234',
      loadAverage: { start: [1, 2, 3], end: [2, 2, 2] },
    },
    benchmarks: [{ id: 'http', title: 'HTTP', command: 'node x.ts', status: 'ok', durationSeconds: 60, figures, details }],
  };
}

describe('compareRuns', () => {
  it('pairs figures by benchmark and name, and judges the change by which way the figure is better', () => {
    const before = run([figure('completions', 76, 'higher'), figure('p99', 40, 'lower', 'ms'), figure('gone', 1, 'lower')]);
    const after = run([figure('completions', 152, 'higher'), figure('p99', 50, 'lower', 'ms'), figure('new', 1, 'lower')]);
    expect(compareRuns(before, after)).toEqual([
      { benchmark: 'http', figure: 'completions', unit: '/s', before: 76, after: 152, change: 2, improved: true },
      { benchmark: 'http', figure: 'p99', unit: 'ms', before: 40, after: 50, change: 1.25, improved: false },
    ]);
  });

  it('leaves out a figure whose unit changed', () => {
    expect(compareRuns(run([figure('x', 1, 'lower', 'ms')]), run([figure('x', 1, 'lower', 's')]))).toEqual([]);
  });
});

describe('renderReport', () => {
  it('writes the machine, the figures, the before/after table and multi-line details as code blocks', () => {
    const report = renderReport(run([figure('completions', 152, 'higher')], { plan: 'Limit\n  -> Index Scan' }), 'after.json', {
      run: run([figure('completions', 76, 'higher')]),
      name: 'before.json',
    });
    expect(report.startsWith(REPORT_START)).toBe(true);
    expect(report.endsWith(REPORT_END)).toBe(true);
    expect(report).toContain('| CPU | Test CPU, 2 cores |');
    expect(report).toContain('| http | completions | /s | 76 | 152 | 2 | better |');
    expect(report).toContain('```\nLimit\n  -> Index Scan\n```');
  });

  it('says the run is the baseline when no earlier results are given', () => {
    expect(renderReport(run([]), 'x.json')).toContain('This run is the baseline');
  });
});

describe('replaceReport', () => {
  it('replaces only what lies between the markers', () => {
    const document = `# Benchmarks\n\nMethod.\n\n${REPORT_START}\nold\n${REPORT_END}\n\nAfterword.\n`;
    expect(replaceReport(document, `${REPORT_START}\nnew\n${REPORT_END}`)).toBe(`# Benchmarks\n\nMethod.\n\n${REPORT_START}\nnew\n${REPORT_END}\n\nAfterword.\n`);
  });

  it('appends the generated part when the markers are missing', () => {
    expect(replaceReport('# Benchmarks\n', 'generated')).toBe('# Benchmarks\n\ngenerated\n');
  });
});
