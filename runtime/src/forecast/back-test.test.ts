import { parseDefinition } from '@tongban/engine';
import { getWorkflow, simulationProfiles, workflowFixtures } from '@tongban/workflows';
import { describe, expect, it } from 'vitest';
import { runBackTest } from './back-test.ts';
import { openRestaurantWorld } from './back-test-world.ts';

const { definition } = parseDefinition(getWorkflow('open-restaurant'));

describe('runBackTest', () => {
  it('forecasts the breaches of a simulated history from its midpoint better than the naive baseline (seed 1)', () => {
    if (!definition) throw new Error('open-restaurant does not parse');
    const report = runBackTest({
      definition,
      profile: simulationProfiles.find((p) => p.workflow === 'open-restaurant'),
      fixtures: workflowFixtures,
      cases: 400,
      days: 40,
      departments: openRestaurantWorld(),
      runs: 100,
      seed: 1,
      start: new Date('2026-03-02T09:00:00+08:00'),
      today: '2026-03-02',
    });
    expect(report.tasks).toBeGreaterThan(50);
    expect(report.breached).toBeGreaterThan(0);
    expect(report.measured).toEqual(['service-hall', 'market-regulation', 'fire-rescue', 'urban-management']);
    expect(report.forecastBrier).toBeLessThan(report.baselineBrier);
    expect(report.forecastCalibration.reduce((sum, bin) => sum + bin.count, 0)).toBe(report.tasks);
  }, 120_000);
});
