import { simulationProfiles } from '@tongban/workflows';
import { describe, expect, it } from 'vitest';
import { profileSettings } from './profile-settings.ts';
import { defaultRates } from './simulation-options.ts';

const hotline = simulationProfiles.find((profile) => profile.workflow === 'hotline-ticket');

describe('profileSettings', () => {
  it('takes the rates and outcome shares of the workflow profile', () => {
    const settings = profileSettings(hotline);
    expect(settings.rates).toEqual({ returnRate: 0.07, rejectRate: 0, supplementRate: 0, slowRate: 0.02 });
    expect(settings.outcomeShares?.intake).toEqual({ answered: 0.527 });
    expect(settings.outcomeShares?.callback).toEqual({ unsatisfied: 0.065 });
  });

  it('lets a rate given on the command line replace the profile’s, and falls back to domain.md §4 without a profile', () => {
    expect(profileSettings(hotline, { slowRate: 0.3 }).rates).toMatchObject({ returnRate: 0.07, slowRate: 0.3 });
    expect(profileSettings(undefined)).toEqual({ rates: defaultRates, outcomeShares: {} });
  });
});
