import { compile, type MachineConfigJson, type UserTask, type WorkflowDefinition } from '@tongban/engine';
import type { SimulationProfile, WorkflowFixture } from '@tongban/workflows';
import { decisionTemplatesOf } from '../simulate/decision-data.ts';
import { defaultRates, simulationDefaults } from '../simulate/simulation-options.ts';
import type { ForecastWorkflow } from './forecast.types.ts';

/**
 * A workflow version ready for the forecast: its machine (compiled from `definition` unless the
 * stored one is given), its clerks deciding at its simulation
 * profile's rates (the defaults of `tongban simulate` without one), their forms varied from its
 * fixtures, as `tongban simulate` does.
 *
 * Pure: performs no I/O.
 */
export function forecastWorkflowOf(
  definition: WorkflowDefinition,
  profile: SimulationProfile | undefined,
  fixtures: readonly WorkflowFixture[],
  machine: MachineConfigJson = compile(definition).machine,
): ForecastWorkflow {
  const rates = profile
    ? { returnRate: profile.rates.returnRate.value, rejectRate: profile.rates.rejectRate.value, supplementRate: profile.rates.supplementRate.value }
    : { returnRate: defaultRates.returnRate, rejectRate: defaultRates.rejectRate, supplementRate: defaultRates.supplementRate };
  const outcomeShares = Object.fromEntries(
    Object.entries(profile?.outcomes ?? {}).map(([node, outcomes]) => [node, Object.fromEntries(Object.entries(outcomes).map(([o, rate]) => [o, rate.value]))]),
  );
  return {
    definition,
    machine,
    userTasks: new Map(definition.nodes.filter((n): n is UserTask => n.type === 'userTask').map((n) => [n.id, n])),
    rates,
    outcomeShares,
    templates: decisionTemplatesOf(fixtures.filter((f) => f.workflow === definition.key)),
    supplementDays: simulationDefaults.supplementDays,
  };
}

/**
 * The handling times of the simulation profile, working days ascending: a share `slowRate` of tasks
 * left for `slowDays` (spread evenly), the rest taken up the day they arrive.
 *
 * Pure: performs no I/O.
 */
export function profileHandlingDays(slowRate: number, slowDays: readonly [number, number]): number[] {
  const size = 100;
  const slow = Math.round(slowRate * size);
  const [low, high] = slowDays;
  const days = Array.from({ length: size - slow }, () => 0);
  for (let i = 0; i < slow; i += 1) days.push(slow === 1 ? (low + high) / 2 : low + ((high - low) * i) / (slow - 1));
  return days;
}
