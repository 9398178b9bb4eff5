import { describe, expect, it } from 'vitest';
import { pairRatios, percentile, summarise } from './statistics.ts';

describe('percentile', () => {
  it('takes the nearest-rank sample: p99 of 100 samples is the 99th', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 1)).toBe(100);
  });

  it('gives the smallest sample for p = 0 and the only sample of one', () => {
    expect(percentile([3, 4], 0)).toBe(3);
    expect(percentile([7], 0.99)).toBe(7);
  });

  it('refuses no samples and fractions outside 0–1', () => {
    expect(() => percentile([], 0.5)).toThrow(RangeError);
    expect(() => percentile([1], 1.5)).toThrow(/outside 0–1/);
  });
});

describe('summarise', () => {
  it('gives the middle sample of an odd count, whatever the order', () => {
    expect(summarise([9, 1, 5])).toEqual({ median: 5, min: 1, max: 9 });
  });

  it('gives the mean of the two middle samples of an even count', () => {
    expect(summarise([4, 1, 3, 10])).toEqual({ median: 3.5, min: 1, max: 10 });
  });
});

describe('pairRatios', () => {
  it('divides each sample by the reference of the same run', () => {
    expect(pairRatios([10, 30], [5, 10])).toEqual([2, 3]);
  });

  it('refuses samples and references of different counts', () => {
    expect(() => pairRatios([1, 2], [1])).toThrow(/cannot be paired/);
  });
});
