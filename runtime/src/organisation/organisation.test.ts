import { describe, expect, it } from 'vitest';
import organisationSeed from '../../seed/organisation.json' with { type: 'json' };
import type { Department, Jurisdiction } from '../db/schema/index.ts';
import { Organisation } from './organisation.ts';

const jurisdictionRows: Jurisdiction[] = organisationSeed.jurisdictions.map(({ calendar, ...j }) => ({
  ...(j as Omit<Jurisdiction, 'calendarKey'>),
  calendarKey: calendar ?? null,
}));
const organisation = new Organisation(jurisdictionRows, organisationSeed.departments as Department[]);

describe('Organisation', () => {
  it("counts a sub-district's cases on the calendar its nearest ancestor names", () => {
    expect(organisation.calendarKeyOf('sh-huangpu-nanjing-east')).toBe('cn-mainland');
    const withDistrictCalendar = new Organisation(
      jurisdictionRows.map((j) => (j.id === 'sh-huangpu' ? { ...j, calendarKey: 'huangpu-test' } : j)),
      organisationSeed.departments as Department[],
    );
    expect(withDistrictCalendar.calendarKeyOf('sh-huangpu-nanjing-east')).toBe('huangpu-test');
    expect(withDistrictCalendar.calendarKeyOf('sh-xuhui')).toBe('cn-mainland');
    expect(new Organisation([{ ...(jurisdictionRows[0] as Jurisdiction), calendarKey: null }], []).calendarKeyOf('sh')).toBeUndefined();
  });

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
