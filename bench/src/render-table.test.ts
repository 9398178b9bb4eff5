import { describe, expect, it } from 'vitest';
import { formatNumber } from './format-number.ts';
import { renderMarkdownTable, renderTable } from './render-table.ts';
import type { BenchmarkResult } from './results.ts';

const result: BenchmarkResult = {
  id: 'engine-step',
  title: 'Engine step',
  command: 'node --import tsx bench/run.ts',
  status: 'ok',
  durationSeconds: 12,
  details: {},
  figures: [
    {
      name: 'step (engine)',
      unit: 'µs/step',
      better: 'lower',
      samples: [60, 62.5, 70],
      median: 62.5,
      min: 60,
      max: 70,
      reference: { name: 'bare XState', unit: 'µs/step', summary: { median: 50, min: 48, max: 55 }, ratio: { median: 1.25, min: 1.1, max: 1.3 } },
      target: '≤ 1.5 ×',
    },
  ],
};

describe('formatNumber', () => {
  it('keeps three significant digits below 1,000 and whole numbers with separators above', () => {
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(62.54)).toBe('62.5');
    expect(formatNumber(114.4)).toBe('114');
    expect(formatNumber(2213.4)).toBe('2,213');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('renderTable', () => {
  it('prints one row per figure with its reference and the ratio of the pairs', () => {
    const lines = renderTable([result]).split('\n');
    expect(lines[0]).toMatch(/^benchmark\s+figure\s+median\s+min\s+max\s+unit/);
    expect(lines[2]).toContain('engine-step');
    expect(lines[2]).toContain('bare XState: 50 µs/step');
    expect(lines[2]).toContain('1.25 × [1.1–1.3]');
    expect(lines[2]).toContain('≤ 1.5 ×');
  });

  it('prints a benchmark that did not end well as one row naming why', () => {
    const failed: BenchmarkResult = { ...result, status: 'failed', reason: 'exit code 1', figures: [] };
    expect(renderTable([failed])).toContain('(failed: exit code 1)');
  });

  it('right-aligns the numbers so their columns line up', () => {
    const second = { ...result.figures[0]!, name: 'other', median: 1234.5 };
    const lines = renderTable([{ ...result, figures: [result.figures[0]!, second] }]).split('\n');
    const end = (line: string, text: string) => line.indexOf(text) + text.length;
    expect(end(lines[2]!, '62.5')).toBe(end(lines[3]!, '1,235'));
  });
});

describe('renderMarkdownTable', () => {
  it('escapes pipes and right-aligns the number columns', () => {
    const piped = { ...result, figures: [{ ...result.figures[0]!, name: 'a | b' }] };
    const markdown = renderMarkdownTable([piped]);
    expect(markdown).toContain('a \\| b');
    expect(markdown.split('\n')[1]).toBe('| --- | --- | ---: | ---: | ---: | --- | --- | --- | --- |');
  });
});
