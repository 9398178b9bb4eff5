import { describe, expect, it } from 'vitest';
import { CachedLoad } from './cached-load.ts';

function counter(fail: (n: number) => boolean = () => false) {
  let reads = 0;
  const cache = new CachedLoad(async () => {
    reads += 1;
    if (fail(reads)) throw new Error(`read ${reads} failed`);
    return reads;
  });
  return { cache, reads: () => reads };
}

describe('CachedLoad', () => {
  it('reads once and answers the value kept until it is invalidated', async () => {
    const { cache, reads } = counter();
    expect([await cache.get(), await cache.get()]).toEqual([1, 1]);
    cache.invalidate();
    expect(await cache.get()).toBe(2);
    expect(reads()).toBe(2);
  });

  it('reads again on reload and keeps what it read', async () => {
    const { cache } = counter();
    await cache.get();
    expect(await cache.reload()).toBe(2);
    expect(await cache.get()).toBe(2);
  });

  it('keeps no failed read: the next get reads again', async () => {
    const { cache } = counter((n) => n === 1);
    await expect(cache.get()).rejects.toThrow('read 1 failed');
    expect(await cache.get()).toBe(2);
  });

  it('keeps the newer read when an older one fails after an invalidation', async () => {
    let failFirst: (error: Error) => void = () => undefined;
    let reads = 0;
    const cache = new CachedLoad<number>(() => {
      reads += 1;
      return reads === 1 ? new Promise((_, reject) => (failFirst = reject)) : Promise.resolve(reads);
    });
    const first = cache.get();
    cache.invalidate();
    expect(await cache.get()).toBe(2);
    failFirst(new Error('late failure'));
    await expect(first).rejects.toThrow('late failure');
    expect(await cache.get()).toBe(2);
  });
});
