import type { SimulationProfile } from '@tongban/workflows';
import { defaultRates, type SimulationOptions } from './simulation-options.ts';

/** Rates given on the command line; each one given replaces the profile's. */
export type RateOverrides = Partial<SimulationOptions['rates']>;

/**
 * The decision rates and outcome shares of a run of a workflow whose simulation profile is
 * `profile`: each rate from `overrides` when given there, else from the profile, else the default
 * of domain.md §4 ({@link defaultRates}); the profile's outcome shares as they are.
 *
 * Pure: performs no I/O.
 */
export function profileSettings(
  profile: SimulationProfile | undefined,
  overrides: RateOverrides = {},
): Pick<SimulationOptions, 'rates' | 'outcomeShares'> {
  const rates = { ...defaultRates };
  for (const key of Object.keys(rates) as (keyof typeof rates)[]) {
    rates[key] = overrides[key] ?? profile?.rates[key].value ?? defaultRates[key];
  }
  const outcomeShares = Object.fromEntries(
    Object.entries(profile?.outcomes ?? {}).map(([nodeId, shares]) => [nodeId, Object.fromEntries(Object.entries(shares).map(([outcome, rate]) => [outcome, rate.value]))]),
  );
  return { rates, outcomeShares };
}
