import { describe, expect, it } from 'vitest';
import type { MonitorHeat } from '../api/api.types.ts';
import { busiestVersion } from './busiest-version.ts';

const figures = (active: number) => ({ active, atRisk: 0, overdue: 0, completed: 0, avgDurationMinutes: null });
const versions = [
  { key: 'newborn', version: 1 },
  { key: 'open-restaurant', version: 1 },
  { key: 'open-restaurant', version: 2 },
];
const latest = [
  { key: 'newborn', version: 1 },
  { key: 'open-restaurant', version: 2 },
];

function heats(open: [number, number, number]): Map<string, MonitorHeat> {
  return new Map<string, MonitorHeat>([
    ['newborn@1', { nodes: open[0] === 0 ? {} : { register: figures(open[0]) } }],
    ['open-restaurant@1', { nodes: { intake: figures(open[1]) } }],
    ['open-restaurant@2', { nodes: { intake: figures(open[2] - 1), food: figures(1) } }],
  ]);
}

describe('busiestVersion', () => {
  it('opens on the version with the most open tasks, summed over its nodes', () => {
    expect(busiestVersion(versions, heats([0, 2, 5]), latest, 'newborn')).toEqual({ key: 'open-restaurant', version: 2 });
  });

  it('prefers the workflow of the most urgent task on a tie, else the first busiest', () => {
    expect(busiestVersion(versions, heats([3, 0, 3]), latest, 'open-restaurant')).toEqual({ key: 'open-restaurant', version: 2 });
    expect(busiestVersion(versions, heats([3, 0, 3]), latest, undefined)).toEqual({ key: 'newborn', version: 1 });
  });

  it('falls back to the preferred workflow, else the first, when nothing is open', () => {
    const idle = new Map(versions.map((ref) => [`${ref.key}@${ref.version}`, { nodes: {} }]));
    expect(busiestVersion(versions, idle, latest, 'open-restaurant')).toEqual({ key: 'open-restaurant', version: 2 });
    expect(busiestVersion(versions, idle, latest, undefined)).toEqual({ key: 'newborn', version: 1 });
  });

  it('waits while a version’s figures are missing', () => {
    const partial = heats([0, 2, 5]);
    partial.delete('open-restaurant@1');
    expect(busiestVersion(versions, partial, latest, undefined)).toBeNull();
  });
});
