import { describe, expect, it } from 'vitest';
import { createLimiter } from './concurrency-limit.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('never runs more than its limit at once, and starts waiting tasks in order', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          started.push(i);
          running += 1;
          most = Math.max(most, running);
          for (let k = 0; k < (i % 4) + 1; k += 1) await tick();
          running -= 1;
          return i;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(started).toEqual([...started].sort((a, b) => a - b));
  });

  it('frees the slot of a task that fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
    expect(() => createLimiter(1.5)).toThrow(RangeError);
  });
});
