import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/monitor-figures.json' with { type: 'json' };
import type { DepartmentLoad, DistrictHandling, Jurisdiction, MonitorHeat, SeriesDay } from '../api/api.types.ts';
import { diagramHeat } from './diagram-heat.ts';
import { districtOf } from './district-of.ts';
import { handlingTime } from './handling-time.ts';
import { departmentRows, districtRows } from './overview-rows.ts';
import { trendSeries } from './trend-series.ts';

const jurisdictions = new Map((fixture.jurisdictions as Jurisdiction[]).map((jurisdiction) => [jurisdiction.id, jurisdiction]));
const load = fixture.load.items as DepartmentLoad[];
const districts = fixture.load.districts as DistrictHandling[];

describe('districtOf', () => {
  it('should roll a sub-district up to its district and keep districts and the city as they are', () => {
    expect(districtOf('sh-huangpu-nanjing-east', jurisdictions)).toBe('sh-huangpu');
    expect(districtOf('sh-huangpu', jurisdictions)).toBe('sh-huangpu');
    expect(districtOf('sh', jurisdictions)).toBe('sh');
  });
});

describe('departmentRows', () => {
  it('should take counts and medians from the load, compute compliance, and leave out idle departments', () => {
    const rows = departmentRows(load);
    expect(rows.map((row) => row.id)).toEqual(['sh-huangpu-market-regulation', 'sh-market-regulation', 'sh-huangpu-service-hall']);
    expect(rows[0]).toMatchObject({ open: 2, atRisk: 1, overdue: 1, compliance: 0.75, medianHandlingMinutes: 840, handled: 1 });
    expect(rows[1]).toMatchObject({ compliance: 0, medianHandlingMinutes: null, handled: 0 });
  });
});

describe('districtRows', () => {
  it('should add up the departments of each district, the city forming its own row, with the district’s median', () => {
    const rows = districtRows(load, districts, jurisdictions);
    expect(rows.map((row) => [row.id, row.name, row.open, row.atRisk, row.overdue, row.met, row.breached])).toEqual([
      ['sh-huangpu', '黄浦区', 3, 1, 1, 5, 1],
      ['sh', '上海市', 1, 0, 1, 0, 2],
    ]);
    expect(rows[0]?.compliance).toBeCloseTo(5 / 6);
    expect(rows[0]).toMatchObject({ medianHandlingMinutes: 240, handled: 3 });
    expect(rows[1]).toMatchObject({ medianHandlingMinutes: null, handled: 0 });
  });
});

describe('handlingTime', () => {
  it('should read under one working day as working hours and longer as working days of 420 minutes', () => {
    expect(handlingTime(90)).toEqual({ value: 1.5, unit: 'workingHours' });
    expect(handlingTime(840)).toEqual({ value: 2, unit: 'workingDays' });
  });
});

describe('diagramHeat', () => {
  it('should hand the diagram open and overdue tasks and the mean handling time in hours', () => {
    expect(diagramHeat((fixture.heat as MonitorHeat).nodes)).toEqual({
      intake: { active: 0, overdue: 0, avgDurationHours: 3 },
      review: { active: 1, overdue: 0, avgDurationHours: null },
    });
  });
});

describe('trendSeries', () => {
  it('should turn the days into chart series with each day’s compliance, empty on a day nothing closed', () => {
    expect(trendSeries(fixture.series.days as SeriesDay[])).toEqual({
      dates: ['2026-03-02', '2026-03-03', '2026-03-04'],
      open: [1, 3, 1],
      created: [2, 2, 0],
      met: [1, 0, 1],
      breached: [0, 0, 1],
      compliance: [1, null, 0.5],
    });
  });
});
