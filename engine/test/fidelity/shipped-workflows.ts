import { readdirSync, readFileSync } from 'node:fs';
import { parseDefinition } from '../../src/index.ts';
import type { WorkflowDefinition } from '../../src/index.ts';

const root = new URL('../../../workflows/', import.meta.url);

/** A workflow shipped in `workflows/`, read from its files, with the application data of each of its fixtures. */
export interface ShippedWorkflow {
  key: string;
  definition: WorkflowDefinition;
  /** The distinct application data sets of its case fixtures. */
  dataSets: Record<string, unknown>[];
}

/**
 * Every workflow of `workflows/` (each folder holding a `definition.json`), read by path: engine
 * tests do not import `@tongban/workflows`, which depends on the engine.
 */
export function shippedWorkflows(): ShippedWorkflow[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(new URL(`${entry.name}/`, root)).includes('definition.json'))
    .map((entry) => {
      const { definition, diagnostics } = parseDefinition(JSON.parse(readFileSync(new URL(`${entry.name}/definition.json`, root), 'utf8')));
      if (!definition) throw new Error(`workflows/${entry.name} does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
      const folder = new URL(`${entry.name}/fixtures/`, root);
      const data = readdirSync(folder)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => (JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as { data: Record<string, unknown> }).data);
      const dataSets = [...new Map(data.map((set) => [JSON.stringify(set), set])).values()];
      return { key: entry.name, definition, dataSets };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
