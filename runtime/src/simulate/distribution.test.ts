import { describe, expect, it } from 'vitest';
import { distributionOf, median, percentile } from './distribution.ts';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('percentile', () => {
  it('takes the nearest rank: the smallest value with p% of the values at or below it', () => {
    expect(percentile(oneTo(100), 95)).toBe(95);
    expect(percentile(oneTo(20), 95)).toBe(19);
    expect(percentile(oneTo(10), 95)).toBe(10);
    expect(percentile([4], 95)).toBe(4);
    expect(percentile([3, 1, 2], 50)).toBe(2);
  });

  it('is null for no values and refuses a percentile outside (0, 100]', () => {
    expect(percentile([], 95)).toBeNull();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('median', () => {
  it('is the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('distributionOf', () => {
  it('counts and rounds median and p95 to two places', () => {
    expect(distributionOf([1 / 3, 2 / 3, 1])).toEqual({ count: 3, median: 0.67, p95: 1 });
    expect(distributionOf([])).toEqual({ count: 0, median: null, p95: null });
  });
});
