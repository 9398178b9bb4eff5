import { readdirSync } from 'node:fs';
import { definitionSchema } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { getWorkflow, workflowDefinitions, workflowFixtures } from '../src/index.ts';
import { departmentFor, isDemoJurisdiction } from './helpers/demo-organisation.ts';

const packageRoot = new URL('..', import.meta.url);

describe('the fixture list', () => {
  it('holds every fixture file of every workflow, once', () => {
    const listed = workflowFixtures.map((fixture) => `${fixture.workflow}/${fixture.id}`).sort();
    const files = workflowDefinitions
      .flatMap((definition) =>
        readdirSync(new URL(`${definition.key}/fixtures/`, packageRoot))
          .filter((name) => name.endsWith('.json'))
          .map((name) => `${definition.key}/${name.slice(0, -'.json'.length)}`),
      )
      .sort();
    expect(listed).toEqual(files);
  });

  it.each(workflowDefinitions.map((definition) => [definition.key]))(
    'takes every outcome edge of %s in at least one fixture',
    (key) => {
      const definition = definitionSchema.parse(getWorkflow(key));
      const taken = new Set(
        workflowFixtures
          .filter((fixture) => fixture.workflow === key)
          .flatMap((fixture) => fixture.script)
          .flatMap((action) => (action.action === 'complete' ? [`${action.nodeId}/${action.outcome}`] : [])),
      );
      const outcomes = definition.nodes.flatMap((node) =>
        node.type === 'userTask' ? node.outcomes.map((outcome) => `${node.id}/${outcome.id}`) : [],
      );
      expect(outcomes.filter((outcome) => !taken.has(outcome))).toEqual([]);
    },
  );
});

describe.each(workflowFixtures.map((fixture) => [`${fixture.workflow}/${fixture.id}`, fixture] as const))(
  'fixture %s',
  (_name, fixture) => {
    const definition = definitionSchema.parse(getWorkflow(fixture.workflow));
    const tasks = new Map(definition.nodes.flatMap((node) => (node.type === 'userTask' ? [[node.id, node]] : [])));

    it('is filed in a jurisdiction of the demo organisation, and described in Chinese', () => {
      expect(isDemoJurisdiction(fixture.jurisdiction)).toBe(true);
      expect(fixture.name).toMatch(/\p{Script=Han}/u);
      expect(fixture.description).toMatch(/\p{Script=Han}/u);
    });

    it('carries every required field of the application data', () => {
      const schema = definition.dataSchema as { required: string[]; properties: Record<string, unknown> };
      for (const key of schema.required) expect(fixture.data, key).toHaveProperty(key);
      for (const key of Object.keys(fixture.data)) expect(Object.keys(schema.properties)).toContain(key);
    });

    it('decides only tasks of its workflow, with outcomes they offer and form fields they have', () => {
      for (const action of fixture.script) {
        if (action.action !== 'complete') continue;
        const task = tasks.get(action.nodeId);
        expect(task, action.nodeId).toBeDefined();
        expect(task?.outcomes.map((outcome) => outcome.id)).toContain(action.outcome);
        const keys = task?.form.map((field) => field.key) ?? [];
        for (const key of Object.keys(action.data ?? {})) expect(keys, `${action.nodeId}.${key}`).toContain(key);
      }
    });

    it('expects each task in the department its kind and level route to from the case jurisdiction', () => {
      for (const expected of fixture.expected.tasks) {
        const task = tasks.get(expected.nodeId);
        expect(task, expected.nodeId).toBeDefined();
        if (task === undefined) continue;
        expect(expected.department, expected.nodeId).toBe(departmentFor(fixture.jurisdiction, task.department, task.level));
      }
    });

    it('ends in a result one of its end events has', () => {
      const results = definition.nodes.flatMap((node) => (node.type === 'endEvent' ? [node.result] : []));
      expect(results).toContain(fixture.expected.result);
    });
  },
);
