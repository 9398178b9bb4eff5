import { readdirSync } from 'node:fs';
import { definitionSchema, type FormField } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { getWorkflow, workflowDefinitions, workflowFixtures } from '../src/index.ts';
import { departmentFor, isDemoJurisdiction } from './helpers/demo-organisation.ts';

const packageRoot = new URL('..', import.meta.url);

/** Outcomes that decide without filling in the form: its required fields are not asked for. */
const outcomesWithoutForm = new Set(['reject', 'return', 'requestSupplement']);

/** The part of JSON Schema the definitions' `dataSchema` use. */
interface SchemaProperty {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array';
  enum?: unknown[];
  pattern?: string;
  format?: 'date';
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  items?: SchemaProperty;
  minItems?: number;
}
interface DataSchema {
  required: string[];
  properties: Record<string, SchemaProperty>;
}

/** Whether `value` satisfies `property`, for the keywords the definitions use. */
function fitsProperty(property: SchemaProperty, value: unknown): boolean {
  if (property.enum !== undefined && !property.enum.includes(value)) return false;
  switch (property.type) {
    case 'string':
      return (
        typeof value === 'string' &&
        value.length >= (property.minLength ?? 0) &&
        (property.pattern === undefined || new RegExp(property.pattern, 'u').test(value)) &&
        (property.format !== 'date' || /^\d{4}-\d{2}-\d{2}$/.test(value))
      );
    case 'number':
    case 'integer':
      return (
        typeof value === 'number' &&
        (property.type === 'number' ? Number.isFinite(value) : Number.isInteger(value)) &&
        value >= (property.minimum ?? -Infinity) &&
        value > (property.exclusiveMinimum ?? -Infinity)
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return (
        Array.isArray(value) &&
        value.length >= (property.minItems ?? 0) &&
        value.every((item) => property.items === undefined || fitsProperty(property.items, item))
      );
  }
}

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
    const schema = definition.dataSchema as unknown as DataSchema;

    it('is filed in a jurisdiction of the demo organisation, and described in Chinese', () => {
      expect(isDemoJurisdiction(fixture.jurisdiction)).toBe(true);
      expect(fixture.name).toMatch(/\p{Script=Han}/u);
      expect(fixture.description).toMatch(/\p{Script=Han}/u);
    });

    it('carries application data its dataSchema admits, every required field included', () => {
      for (const key of schema.required) expect(fixture.data, key).toHaveProperty(key);
      for (const [key, value] of Object.entries(fixture.data)) {
        const property = schema.properties[key];
        expect(property, key).toBeDefined();
        if (property !== undefined) expect(fitsProperty(property, value), `${key} = ${JSON.stringify(value)}`).toBe(true);
      }
    });

    it('supplies in a 补正 only application data its dataSchema admits', () => {
      for (const action of fixture.script) {
        if (action.action !== 'supplement') continue;
        for (const [key, value] of Object.entries(action.data ?? {})) {
          const property = schema.properties[key];
          expect(property, key).toBeDefined();
          if (property !== undefined) expect(fitsProperty(property, value), `${key} = ${JSON.stringify(value)}`).toBe(true);
        }
      }
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
