/** Runs at most a fixed number of tasks at once; the rest wait their turn in order. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A {@link Limiter} running at most `max` tasks at once, first come first served: a finishing
 * task hands its slot straight to the longest waiting one.
 * @throws RangeError when `max` is not a whole number ≥ 1.
 */
export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`A concurrency limit is a whole number ≥ 1; got ${max}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < max) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
