import { describe, expect, it } from 'vitest';
import pinned from './__fixtures__/restaurant-forecast.json' with { type: 'json' };
import { restaurantJob } from './__fixtures__/restaurant-job.ts';
import { runForecastJob } from './forecast-job.ts';

describe('runForecastJob', () => {
  it('answers a restaurant forecast, as things are and under a what-if, exactly as pinned for its seed', () => {
    expect(runForecastJob(restaurantJob())).toEqual(pinned);
  });
});
