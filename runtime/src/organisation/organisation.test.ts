import { describe, expect, it } from 'vitest';
import organisationSeed from '../../seed/organisation.json' with { type: 'json' };
import type { Department, Jurisdiction } from '../db/schema/index.ts';
import { Organisation } from './organisation.ts';

const organisation = new Organisation(organisationSeed.jurisdictions as Jurisdiction[], organisationSeed.departments as Department[]);

describe('Organisation', () => {
  it('routes a district task of a sub-district case to its district', () => {
    expect(organisation.routeTask('sh-huangpu-nanjing-east', 'market-regulation', 'district').id).toBe('sh-huangpu-market-regulation');
  });

  it('routes a city-level task to the city', () => {
    expect(organisation.routeTask('sh-xuhui-tianping', 'fire-rescue', 'city').id).toBe('sh-fire-rescue');
  });

  it('never routes a district task of a case filed at the city to a city department', () => {
    expect(organisation.jurisdictionAtLevel('sh', 'district')).toBeUndefined();
    expect(organisation.jurisdictionAtLevel('sh-huangpu-nanjing-east', 'district')?.id).toBe('sh-huangpu');
    expect(() => organisation.routeTask('sh', 'health', 'district')).toThrow(/level 'district'.*'sh'/);
  });

  it('names the jurisdiction and kind when no department fits', () => {
    expect(() => organisation.routeTask('sh-pudong', 'tobacco', 'district')).toThrow(/'tobacco'.*'sh-pudong'/);
    expect(() => organisation.routeTask('sh-nowhere', 'health', 'district')).toThrow(/'sh-nowhere'/);
  });

  it('lists a jurisdiction with everything below it', () => {
    expect(organisation.subtree('sh-pudong').sort()).toEqual(['sh-pudong', 'sh-pudong-lujiazui']);
    expect(organisation.subtree('sh')).toHaveLength(7);
    expect(organisation.ancestry('sh-xuhui-tianping').map((j) => j.id)).toEqual(['sh-xuhui-tianping', 'sh-xuhui', 'sh']);
  });
});
