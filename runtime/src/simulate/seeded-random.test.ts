import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seeded-random.ts';

const draws = (seed: number | string, n: number) => {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createSeededRandom', () => {
  it('draws the same sequence for the same seed and another for another seed', () => {
    expect(draws(42, 20)).toEqual(draws(42, 20));
    expect(draws(42, 20)).not.toEqual(draws(43, 20));
    expect(draws('42', 5)).toEqual(draws(42, 5));
  });

  it('forks a stream that depends on the seed and the label only, not on earlier draws', () => {
    const fresh = createSeededRandom(7).fork('case:3');
    const used = createSeededRandom(7);
    for (let i = 0; i < 100; i += 1) used.next();
    const forked = used.fork('case:3');
    expect(Array.from({ length: 10 }, () => forked.next())).toEqual(Array.from({ length: 10 }, () => fresh.next()));
    expect(createSeededRandom(7).fork('case:4').next()).not.toBe(createSeededRandom(7).fork('case:3').next());
  });

  it('draws numbers in [0, 1) spread evenly over ten bins', () => {
    const bins = new Array<number>(10).fill(0);
    const all = draws(1, 20_000);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...all)).toBeLessThan(1);
    for (const x of all) bins[Math.floor(x * 10)] = (bins[Math.floor(x * 10)] ?? 0) + 1;
    for (const count of bins) expect(Math.abs(count - 2_000)).toBeLessThan(200);
  });

  it('draws the first draws of many forks evenly too, so per-decision rates hold', () => {
    const random = createSeededRandom(3);
    let below = 0;
    for (let i = 0; i < 20_000; i += 1) if (random.fork(`decide:${i}:intake:1:0`).next() < 0.05) below += 1;
    expect(below / 20_000).toBeCloseTo(0.05, 2);
  });

  it('draws whole numbers over the whole closed range', () => {
    const random = createSeededRandom(5);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i += 1) seen.add(random.int(3, 8));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8]);
    expect(() => random.int(5, 4)).toThrow(RangeError);
  });

  it('never draws a chance of 0 and always one of 1', () => {
    const random = createSeededRandom(9);
    for (let i = 0; i < 200; i += 1) {
      expect(random.chance(0)).toBe(false);
      expect(random.chance(1)).toBe(true);
    }
  });

  it('picks every item of a list and refuses an empty one', () => {
    const random = createSeededRandom(11);
    const picked = new Set(Array.from({ length: 200 }, () => random.pick(['a', 'b', 'c'])));
    expect([...picked].sort()).toEqual(['a', 'b', 'c']);
    expect(() => random.pick([])).toThrow(RangeError);
  });
});
