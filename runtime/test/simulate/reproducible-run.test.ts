import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/simulate/run-simulation.ts';
import { simulationDefaults, type SimulationOptions } from '../../src/simulate/simulation-options.ts';
import type { SimulationReport } from '../../src/simulate/simulation-report.ts';
import { startSimulationSystem, TEST_API_KEY, type SimulationSystem } from './support/simulation-system.ts';

const systems: SimulationSystem[] = [];

function options(url: string, seed: number): SimulationOptions {
  return {
    ...simulationDefaults,
    url,
    workflow: 'open-restaurant',
    cases: 10,
    seed,
    rates: { returnRate: 0.15, rejectRate: 0.05, supplementRate: 0.3, slowRate: 0.3 },
    slowDays: [2, 4],
    arrivalDays: 2,
    jurisdictions: ['sh-huangpu-nanjing-east', 'sh-xuhui'],
    // A department decides fewer tasks a day than arrive: the order of work matters.
    capacity: 2,
    apiKey: TEST_API_KEY,
  };
}

/** The report without what differs between two runs of one seed: wall time, case ids. */
function comparable(report: SimulationReport): unknown {
  return {
    ...report,
    run: { ...report.run, wallSeconds: 0 },
    cases: { ...report.cases, unfinished: report.cases.unfinished.map((u) => ({ ...u, caseId: '' })) },
  };
}

beforeAll(async () => {
  systems.push(await startSimulationSystem(), await startSimulationSystem());
}, 120_000);

afterAll(async () => {
  for (const system of systems) await system.close();
});

describe('a simulation seed', () => {
  it('gives the same report on two fresh systems', async () => {
    const [a, b] = systems as [SimulationSystem, SimulationSystem];
    const first = await runSimulation(options(a.url, 21));
    const second = await runSimulation(options(b.url, 21));
    expect(first.run.stoppedBecause).toBe('allCompleted');
    expect(Object.keys(first.decisions.byOutcome).length).toBeGreaterThan(2);
    expect(first.decisions.slowTasks).toBeGreaterThan(0);
    expect(comparable(second)).toEqual(comparable(first));
  }, 240_000);
});
