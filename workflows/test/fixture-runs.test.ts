import { compile, definitionSchema } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { getWorkflow, workflowFixtures } from '../src/index.ts';
import { runFixture } from './helpers/run-fixture.ts';

const sorted = (values: string[]): string[] => [...values].sort();

describe.each(workflowFixtures.map((fixture) => [`${fixture.workflow}/${fixture.id}`, fixture] as const))(
  'fixture %s run through the step',
  (_name, fixture) => {
    const { machine } = compile(definitionSchema.parse(getWorkflow(fixture.workflow)));
    const run = runFixture(machine, fixture);

    it('ends with the expected result and no task left open', () => {
      expect(run.result).toBe(fixture.expected.result);
      expect(run.open).toEqual([]);
    });

    it('creates exactly the expected tasks', () => {
      expect(sorted(run.created)).toEqual(sorted(fixture.expected.tasks.map((task) => task.nodeId)));
    });

    it('closes exactly the expected tasks without completion, for the expected reasons', () => {
      const key = (task: { nodeId: string; reason: string }): string => `${task.nodeId}:${task.reason}`;
      expect(sorted(run.closed.map(key))).toEqual(sorted((fixture.expected.closed ?? []).map(key)));
    });

    it('keeps the results departments recorded in the case data', () => {
      expect(run.data).toMatchObject(fixture.expected.data ?? {});
    });
  },
);
