import type { WorkflowDefinition } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/monitor-cases.json' with { type: 'json' };
import type { CaseDetail, DepartmentLoad, Jurisdiction } from '../api/api.types.ts';
import { dailySeries } from './daily-series.ts';
import { districtOf } from './district-of.ts';
import { handledTasks } from './handled-tasks.ts';
import { median } from './median.ts';
import { nodeHeat } from './node-heat.ts';
import { departmentRows, districtRows } from './overview-rows.ts';
import { scopeTasks } from './scope-tasks.ts';

const jurisdictions = new Map((fixture.jurisdictions as Jurisdiction[]).map((jurisdiction) => [jurisdiction.id, jurisdiction]));
const load = fixture.load as DepartmentLoad[];
const details = fixture.details as unknown as CaseDetail[];
const permit = { calendar: 'cn-mainland' } as WorkflowDefinition;
const definitions = new Map([
  ['permit@1', permit],
  ['permit@2', permit],
]);

describe('median', () => {
  it('should take the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('districtOf', () => {
  it('should roll a sub-district up to its district and keep districts and the city as they are', () => {
    expect(districtOf('sh-huangpu-nanjing-east', jurisdictions)).toBe('sh-huangpu');
    expect(districtOf('sh-huangpu', jurisdictions)).toBe('sh-huangpu');
    expect(districtOf('sh', jurisdictions)).toBe('sh');
  });
});

describe('handledTasks', () => {
  it('should count only decided tasks, in working days on the calendar and in elapsed hours', () => {
    const handled = handledTasks(details, definitions);
    expect(handled.map((entry) => entry.task.id)).toEqual(['a1', 'a2', 'b1']);
    // 2026-03-02 09:00 → 13:00 Shanghai: the lunch hour is not working time, so 3 of 7 working hours.
    expect(handled[0]?.workingDays).toBeCloseTo(3 / 7);
    expect(handled[0]?.hours).toBe(4);
    // Monday 13:00 → Wednesday 13:00: two working days.
    expect(handled[1]?.workingDays).toBeCloseTo(2);
  });

  it('should leave out cases whose definition is not loaded', () => {
    expect(handledTasks(details, new Map())).toEqual([]);
  });
});

describe('departmentRows', () => {
  it('should take counts from the load, compute compliance and the median, and leave out idle departments', () => {
    const rows = departmentRows(load, handledTasks(details, definitions));
    expect(rows.map((row) => row.id)).toEqual(['sh-huangpu-market-regulation', 'sh-market-regulation', 'sh-huangpu-service-hall']);
    expect(rows[0]).toMatchObject({ open: 2, atRisk: 1, overdue: 1, compliance: 0.75, handled: 1 });
    expect(rows[0]?.medianWorkingDays).toBeCloseTo(2);
    expect(rows[1]).toMatchObject({ compliance: 0, medianWorkingDays: null, handled: 0 });
  });
});

describe('districtRows', () => {
  it('should add up the departments of each district, the city forming its own row, most urgent first', () => {
    const rows = districtRows(load, handledTasks(details, definitions), jurisdictions);
    expect(rows.map((row) => [row.id, row.name, row.open, row.atRisk, row.overdue, row.met, row.breached])).toEqual([
      ['sh-huangpu', '黄浦区', 3, 1, 1, 5, 1],
      ['sh', '上海市', 1, 0, 1, 0, 2],
    ]);
    expect(rows[0]?.compliance).toBeCloseTo(5 / 6);
    expect(rows[0]?.handled).toBe(3);
  });
});

describe('scopeTasks', () => {
  it('should keep only the tasks of departments in scope', () => {
    const scoped = scopeTasks(details, new Set(['sh-huangpu-market-regulation', 'sh-huangpu-service-hall']));
    expect(scoped[1]?.tasks.map((task) => task.id)).toEqual(['b1', 'b2', 'b3']);
  });
});

describe('nodeHeat', () => {
  it('should count open and overdue tasks per node and average the hours of decided ones, for one version only', () => {
    const heat = nodeHeat(details, handledTasks(details, definitions), 'permit', 1);
    expect(heat.intake).toEqual({ active: 0, overdue: 0, avgDurationHours: 3 });
    expect(heat.review).toEqual({ active: 1, overdue: 0, avgDurationHours: 48 });
    expect(heat.decide).toEqual({ active: 1, overdue: 1, avgDurationHours: null });
    expect(heat['city-check']).toEqual({ active: 1, overdue: 1, avgDurationHours: null });
    expect(nodeHeat(details, [], 'permit', 2).intake).toEqual({ active: 1, overdue: 0, avgDurationHours: null });
  });
});

describe('dailySeries', () => {
  it('should count per Shanghai day the tasks open at its end, created, and closed on time or late', () => {
    const series = dailySeries(details, new Date('2026-03-05T10:00:00.000Z'), 4);
    expect(series.dates).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(series.created).toEqual([2, 2, 1, 3]);
    expect(series.open).toEqual([1, 2, 2, 4]);
    expect(series.met).toEqual([1, 1, 1, 0]);
    expect(series.breached).toEqual([0, 0, 0, 1]);
    expect(series.compliance).toEqual([1, 1, 1, 0]);
  });

  it('should leave compliance empty on a day nothing closed', () => {
    expect(dailySeries(details, new Date('2026-03-10T10:00:00.000Z'), 2).compliance).toEqual([null, null]);
  });
});
