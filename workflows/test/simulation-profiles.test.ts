import { definitionSchema } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { getWorkflow, simulationProfiles, workflowDefinitions, type SourcedRate } from '../src/index.ts';

describe('the simulation profiles', () => {
  it('give every workflow exactly one profile', () => {
    expect(simulationProfiles.map((profile) => profile.workflow).sort()).toEqual(workflowDefinitions.map((definition) => definition.key).sort());
  });

  describe.each(simulationProfiles.map((profile) => [profile.workflow, profile] as const))('profile of %s', (key, profile) => {
    const definition = definitionSchema.parse(getWorkflow(key));
    const outcomes: Record<string, Record<string, SourcedRate>> = profile.outcomes ?? {};
    const rates: [string, SourcedRate][] = [
      ...Object.entries(profile.rates),
      ...Object.entries(outcomes).flatMap(([node, shares]) => Object.entries(shares).map(([outcome, rate]): [string, SourcedRate] => [`${node}/${outcome}`, rate])),
    ];

    it('names a source, or says it is an assumption, for every rate between 0 and 1', () => {
      for (const [name, rate] of rates) {
        expect(rate.value, name).toBeGreaterThanOrEqual(0);
        expect(rate.value, name).toBeLessThanOrEqual(1);
        expect(rate.source.trim().length, name).toBeGreaterThan(10);
      }
    });

    it('gives shares only to outcomes its tasks offer', () => {
      for (const [nodeId, shares] of Object.entries(outcomes)) {
        const node = definition.nodes.find((n) => n.id === nodeId);
        expect(node?.type, nodeId).toBe('userTask');
        const offered = node?.type === 'userTask' ? node.outcomes.map((outcome) => outcome.id) : [];
        for (const outcome of Object.keys(shares)) expect(offered, `${nodeId}/${outcome}`).toContain(outcome);
      }
    });
  });
});
