import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseResult, step } from '../../src/index.ts';
import type { PersistedCaseSnapshot } from '../../src/index.ts';
import type { GoldenFile } from './write-golden.ts';

const folder = new URL('./', import.meta.url);
const goldens = readdirSync(folder)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => [file.slice(0, -'.json'.length), JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as GoldenFile] as const);

describe('golden snapshots (stored by an earlier engine, restored by this one)', () => {
  it('should have the scenarios the writer writes', () => {
    expect(goldens.map(([name]) => name)).toEqual([
      'countersign-half-decided',
      'extension-requested',
      'held-for-expert-review',
      'legacy-open-restaurant-parallel',
      'legacy-supplement-pending',
      'open-restaurant-awaiting-supplement',
      'open-restaurant-inclusive-branches',
      'service-incident',
      'sub-case-running',
      'timer-waiting',
    ]);
  });

  it.each(goldens)('should continue %s to the same end with the same effects', (_name, golden) => {
    let snapshot: PersistedCaseSnapshot = golden.snapshot;
    const effects = golden.events.map(({ event, at }) => {
      const result = step(golden.machine, snapshot, event, new Date(at));
      snapshot = JSON.parse(JSON.stringify(result.snapshot)) as PersistedCaseSnapshot;
      return result.effects;
    });
    expect(effects).toEqual(golden.expected.effects);
    expect(snapshot.status).toBe(golden.expected.status);
    expect(snapshot.value).toEqual(golden.expected.value);
    expect(caseResult(snapshot) ?? null).toBe(golden.expected.result);
  });
});
