import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FigureSink } from './figures.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function sinkFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'figures-test-'));
  folders.push(folder);
  return path.join(folder, 'figures.json');
}

describe('FigureSink', () => {
  it('summarises the samples and pairs each run with its reference', () => {
    const figure = new FigureSink(undefined).add({ name: 'x', unit: '/s', better: 'higher', samples: [10, 30, 20], reference: { name: 'ceiling', unit: '/s', samples: [100, 100, 50] } });
    expect(figure).toMatchObject({ median: 20, min: 10, max: 30, reference: { summary: { median: 100 }, ratio: { median: 0.3, min: 0.1, max: 0.4 } } });
  });

  it('leaves out runs without a finite value, with their reference, and counts them', () => {
    const figure = new FigureSink(undefined).add({ name: 'p99', unit: 'ms', better: 'lower', samples: [Number.NaN, 40, 60], reference: { name: 'r', unit: 'ms', samples: [1, Number.NaN, 30] } });
    expect(figure).toMatchObject({ samples: [60], median: 60, missingRuns: 2, reference: { summary: { median: 30 }, ratio: { median: 2 } } });
  });

  it('records a figure no run gave a value for as a detail, not as a figure', () => {
    const sink = new FigureSink(undefined);
    expect(sink.add({ name: 'p50', unit: 'ms', better: 'lower', samples: [Number.NaN] })).toBeUndefined();
    expect(sink.recorded).toEqual({ figures: [], details: { 'no value: p50': 'none of the 1 runs gave a value' } });
  });

  it('refuses a reference with another number of runs', () => {
    expect(() => new FigureSink(undefined).add({ name: 'x', unit: 'ms', better: 'lower', samples: [1, 2], reference: { name: 'r', unit: 'ms', samples: [1] } })).toThrow(/2 samples but its reference 'r' has 1/);
  });

  it('writes everything recorded so far to its file after each addition', () => {
    const file = sinkFile();
    const sink = new FigureSink(file);
    sink.add({ name: 'x', unit: 'ms', better: 'lower', samples: [1] });
    sink.detail('plan', 'Seq Scan');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ figures: [{ name: 'x', median: 1 }], details: { plan: 'Seq Scan' } });
  });
});
