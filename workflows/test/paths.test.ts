import { definitionSchema } from '@tongban/engine';
import type { WorkflowDefinition } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { getWorkflow, workflowDefinitions, workflowFixtures } from '../src/index.ts';
import { walkPaths, type PathWalk } from './helpers/walk-paths.ts';

/** The values tried for each case-data key the gateways of a workflow read. */
const gatewayInputs: Record<string, Record<string, unknown[]>> = {
  'open-restaurant': { publicGatheringVenue: [false, true], area: [300, 1200], outdoorSign: [false, true] },
  newborn: {
    parentsLocalHukou: [true, false],
    parentsMarried: [true, false],
    firstIssuance: [true, false],
    claimBirthMedicalCosts: [false, true],
  },
  'company-setup': { standardCase: [true, false], employees: [0, 3], bankAppointment: [false, true] },
  'construction-low-risk': { needsFireDesignReview: [false, true], needsCivilAirDefence: [false, true] },
  'hotline-ticket': { ticketType: ['emergency', 'enquiry', 'help', 'complaint', 'suggestion'] },
  'housing-transfer': { publicNoticeRequired: [false, true], utilitiesTransfer: [false, true] },
  'business-deregistration': { deregistrationType: ['simplified', 'general'], hasEmployees: [false, true], hasHousingFundAccount: [false, true], hasBankAccount: [false, true] },
};

/** Every combination of the values in `inputs`, each laid over `base`. */
function combinations(base: Record<string, unknown>, inputs: Record<string, unknown[]>): Record<string, unknown>[] {
  return Object.entries(inputs).reduce<Record<string, unknown>[]>(
    (sets, [key, values]) => sets.flatMap((set) => values.map((value) => ({ ...set, [key]: value }))),
    [base],
  );
}

describe.each(workflowDefinitions.map((input) => [input.key, definitionSchema.parse(getWorkflow(input.key))] as const))(
  'every path of %s',
  (key, definition: WorkflowDefinition) => {
    const base = workflowFixtures.find((fixture) => fixture.workflow === key)?.data ?? {};
    const dataSets = combinations(base, gatewayInputs[key] ?? {});
    const walks: [string, PathWalk][] = dataSets.map((data) => [
      JSON.stringify(Object.fromEntries(Object.keys(gatewayInputs[key] ?? {}).map((k) => [k, data[k]]))),
      walkPaths(definition, data),
    ]);
    const endResults = new Set(definition.nodes.flatMap((node) => (node.type === 'endEvent' ? [node.result] : [])));

    it.each(walks)('ends in an end event for data %s, never stuck, effects matching the open tasks', (_data, walk) => {
      expect(walk.stuck).toEqual([]);
      expect(walk.deadEnds).toEqual([]);
      expect(walk.inconsistent).toEqual([]);
      expect(walk.pathsByResult.size).toBeGreaterThan(0);
      for (const result of walk.pathsByResult.keys()) expect(endResults).toContain(result);
    });

    it('creates every task, takes every outcome and reaches every result over all data sets', () => {
      const created = new Set(walks.flatMap(([, walk]) => [...walk.tasksCreated]));
      const decided = new Set(walks.flatMap(([, walk]) => [...walk.decisions]));
      const reached = new Set(walks.flatMap(([, walk]) => [...walk.pathsByResult.keys()]));
      for (const node of definition.nodes) {
        if (node.type !== 'userTask') continue;
        expect(created, node.id).toContain(node.id);
        for (const outcome of node.outcomes) expect(decided, `${node.id}/${outcome.id}`).toContain(`${node.id}/${outcome.id}`);
      }
      expect([...reached].sort()).toEqual([...endResults].sort());
    });
  },
);
