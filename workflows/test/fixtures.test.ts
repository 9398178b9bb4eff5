import { readdirSync } from 'node:fs';
import { definitionSchema, type FormField } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { getWorkflow, workflowDefinitions, workflowFixtures } from '../src/index.ts';
import { departmentFor, isDemoJurisdiction } from './helpers/demo-organisation.ts';

const packageRoot = new URL('..', import.meta.url);

/** Outcomes that decide without filling in the form: its required fields are not asked for. */
const outcomesWithoutForm = new Set(['reject', 'return', 'requestSupplement']);

/** Whether `value` is what a form field of its type takes (dates as `YYYY-MM-DD`, selects one of the options). */
function fitsField(field: FormField, value: unknown): boolean {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'select':
      return field.options?.some((option) => option.value === value) ?? false;
    default:
      return typeof value === 'string' && value.length > 0;
  }
}

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

    it('decides only tasks of its workflow, with outcomes they offer and form data a clerk could submit', () => {
      for (const action of fixture.script) {
        if (action.action !== 'complete') continue;
        const task = tasks.get(action.nodeId);
        expect(task, action.nodeId).toBeDefined();
        if (task === undefined) continue;
        expect(task.outcomes.map((outcome) => outcome.id)).toContain(action.outcome);
        const data = action.data ?? {};
        const fields = new Map(task.form.map((field) => [field.key, field]));
        for (const [key, value] of Object.entries(data)) {
          const field = fields.get(key);
          expect(field, `${action.nodeId}.${key}`).toBeDefined();
          if (field !== undefined) expect(fitsField(field, value), `${action.nodeId}.${key} = ${String(value)}`).toBe(true);
        }
        if (!outcomesWithoutForm.has(action.outcome)) {
          for (const field of task.form.filter((f) => f.required)) {
            expect(data, `${action.nodeId} --${action.outcome}--> needs ${field.key}`).toHaveProperty(field.key);
          }
        }
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
