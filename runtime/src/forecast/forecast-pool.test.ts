import { afterEach, describe, expect, it } from 'vitest';
import { restaurantJob } from './__fixtures__/restaurant-job.ts';
import { runForecastJob } from './forecast-job.ts';
import { DEFAULT_FORECAST_BUDGET, FORECAST_RETRY_AFTER_SECONDS, ForecastPool, type ForecastBudget } from './forecast-pool.ts';

const pools: ForecastPool[] = [];
function poolOf(budget: Partial<ForecastBudget> = {}): ForecastPool {
  const pool = new ForecastPool({ ...DEFAULT_FORECAST_BUDGET, ...budget });
  pools.push(pool);
  return pool;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

describe('ForecastPool', () => {
  it('computes a forecast in a worker thread exactly as it is computed in place', async () => {
    const job = restaurantJob();
    expect(job.input.cases.flatMap((c) => c.tasks).length).toBeGreaterThan(0);
    const answer = await poolOf().within((compute) => compute(job));
    expect(answer).toEqual(runForecastJob(job));
  }, 60_000);

  it('refuses a forecast while every place is taken, saying when to try again, and takes one once a place is free', async () => {
    const pool = poolOf({ concurrency: 1 });
    let release: () => void = () => undefined;
    const holding = pool.within(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    await expect(pool.within(async () => 'second')).rejects.toMatchObject({
      status: 503,
      code: 'forecast-busy',
      retryAfterSeconds: FORECAST_RETRY_AFTER_SECONDS,
      details: { concurrency: 1, retryAfterSeconds: FORECAST_RETRY_AFTER_SECONDS },
    });
    release();
    await holding;
    await expect(pool.within(async () => 'third')).resolves.toBe('third');
  });

  it('stops a forecast that outlasts its time budget, with its thread', async () => {
    const job = restaurantJob();
    await expect(poolOf({ timeoutMs: 1 }).within((compute) => compute(job))).rejects.toMatchObject({
      status: 503,
      code: 'forecast-budget-exceeded',
      details: { limit: 'time', timeoutMs: 1 },
    });
  });

  it('stops a forecast whose thread runs out of heap', async () => {
    const job = restaurantJob();
    await expect(poolOf({ maxOldGenerationSizeMb: 8 }).within((compute) => compute(job))).rejects.toMatchObject({
      status: 503,
      code: 'forecast-budget-exceeded',
      details: { limit: 'memory', maxOldGenerationSizeMb: 8 },
    });
  }, 60_000);
});
