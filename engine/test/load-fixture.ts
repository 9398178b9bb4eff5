import { readdirSync, readFileSync } from 'node:fs';
import { parseDefinition } from '../src/index.ts';
import type { WorkflowDefinition } from '../src/index.ts';

const root = new URL('./fixtures/', import.meta.url);

/** Reads a fixture file as raw JSON. */
export function readFixture(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, root), 'utf8'));
}

/** Reads and parses a workflow fixture, failing the test when it does not fit the schema. */
export function loadWorkflow(name: string): WorkflowDefinition {
  const { definition, diagnostics } = parseDefinition(readFixture(`workflows/${name}.json`));
  if (!definition) throw new Error(`Fixture '${name}' does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  return definition;
}

/** The names (without `.json`) of the fixtures in one folder. */
export function fixtureNames(folder: string): string[] {
  return readdirSync(new URL(`${folder}/`, root))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}
