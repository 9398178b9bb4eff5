import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBpmn, importBpmn } from '../../src/bpmn/index.ts';
import type { BpmnImportOptions } from '../../src/bpmn/index.ts';
import { definitionSchema, edgeSchema, formFieldSchema, nodeSchema, outcomeSchema } from '../../src/definition/index.ts';
import type { WorkflowDefinition } from '../../src/definition/index.ts';
import { validateWithBpmnXsd, xmllintAvailable } from './bpmn-xsd.ts';
import { bpmnFiles, miwgFixtureDir, modelFacts, readMiwg } from './miwg-models.ts';

/** The shipped workflows, read from `workflows/` by their path in the repository. */
const shippedWorkflows = ['open-restaurant', 'newborn'].map((key) => {
  const json: unknown = JSON.parse(readFileSync(new URL(`../../../workflows/${key}/definition.json`, import.meta.url), 'utf8'));
  return [key, definitionSchema.parse(json)] as const;
});

const everyFieldJson = JSON.parse(readFileSync(new URL('./fixtures/every-field.definition.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const everyField = definitionSchema.parse(everyFieldJson);

/** The keys `schema` knows that none of `objects` uses. */
function unusedKeys(schema: { shape: Record<string, unknown> }, objects: unknown[]): string[] {
  const used = new Set(objects.flatMap((object) => Object.keys(object as object)));
  return Object.keys(schema.shape).filter((key) => !used.has(key));
}

/** Exports `definition`, imports the XML again, and returns the parsed result with the findings. */
async function roundTrip(definition: WorkflowDefinition, options?: BpmnImportOptions) {
  const xml = await exportBpmn(definition);
  const { definition: back, diagnostics } = await importBpmn(xml, options);
  return { xml, back: back === undefined ? undefined : definitionSchema.parse(back), diagnostics };
}

/** Findings that would mean the exported document holds something import cannot take back. */
const lossCodes = new Set([
  'bpmn-other-process',
  'bpmn-unsupported-element',
  'bpmn-dropped-flow',
  'bpmn-task-as-user-task',
  'bpmn-ignored-detail',
  'bpmn-id-renamed',
  'bpmn-invalid-extension',
]);

/** Ids, types, flows, conditions and positions: what the MIWG round-trip procedure compares. */
function semantics(definition: WorkflowDefinition) {
  return {
    nodes: definition.nodes.map((node) => ({ id: node.id, type: node.type, position: node.position })),
    edges: definition.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      condition: edge.condition,
      default: edge.default,
      kind: edge.kind,
    })),
  };
}

describe('BPMN round trip of the shipped workflows', () => {
  it.each(shippedWorkflows)('should give back %s exactly, with no finding', async (_key, definition) => {
    const { back, diagnostics } = await roundTrip(definition);
    expect(diagnostics).toEqual([]);
    expect(back).toEqual(definition);
  });

  it.skipIf(!xmllintAvailable()).each(shippedWorkflows)('should export %s as XML the BPMN 2.0 XSD accepts', async (_key, definition) => {
    expect(validateWithBpmnXsd(await exportBpmn(definition))).toBe('');
  });
});

describe('BPMN round trip of a definition using every field', () => {
  it('should use every field the definition schema knows, so that its round trip covers them all', () => {
    const nodes = everyFieldJson.nodes as { type: string; outcomes?: unknown[]; form?: unknown[] }[];
    const edges = everyFieldJson.edges as unknown[];
    const unused: Record<string, string[]> = {
      definition: unusedKeys(definitionSchema, [everyFieldJson]),
      edge: unusedKeys(edgeSchema, edges),
      outcome: unusedKeys(outcomeSchema, nodes.flatMap((node) => node.outcomes ?? [])),
      formField: unusedKeys(formFieldSchema, nodes.flatMap((node) => node.form ?? [])),
    };
    for (const option of nodeSchema.options) {
      const type = option.shape.type.value;
      unused[type] = unusedKeys(option, nodes.filter((node) => node.type === type));
    }
    expect(Object.entries(unused).filter(([, keys]) => keys.length > 0)).toEqual([]);
  });

  it('should give back every field, with only the findings its empty department and role call for', async () => {
    const { back, diagnostics } = await roundTrip(everyField);
    expect(back).toEqual(everyField);
    expect(diagnostics.map((d) => `${d.code} ${d.nodeId ?? ''}`)).toEqual(['bpmn-missing-department notify', 'bpmn-missing-candidate-role notify']);
  });

  it('should give back a drawing imported from Camunda Modeler as it was imported', async () => {
    const first = await importBpmn(readFileSync(new URL('./fixtures/sign-permit.bpmn', import.meta.url), 'utf8'));
    const imported = definitionSchema.parse(first.definition);
    const { back } = await roundTrip(imported);
    expect(back).toEqual(imported);
  });

  it('should give back a node without a position at the place export drew it', async () => {
    const unplaced = definitionSchema.parse({ ...everyField, nodes: everyField.nodes.map((node) => (node.id === 'end' ? { ...node, position: undefined } : node)) });
    const { back } = await roundTrip(unplaced);
    const end = back?.nodes.find((node) => node.id === 'end');
    expect(end?.position).toBeDefined();
    expect(back).toEqual({ ...unplaced, nodes: unplaced.nodes.map((node) => (node.id === 'end' ? { ...node, position: end?.position } : node)) });
  });
});

describe('BPMN round trip of the MIWG reference models', () => {
  it.each(bpmnFiles(miwgFixtureDir))('should import, export and import every process of %s with the same ids, types, flows and layout', async (file) => {
    const xml = readMiwg(file);
    for (const process of (await modelFacts(xml)).processes) {
      const first = await importBpmn(xml, { processId: process.id });
      const imported = definitionSchema.parse(first.definition);
      const { xml: exported, back, diagnostics } = await roundTrip(imported);
      if (back === undefined) throw new Error(`${file} ${process.id}: the export does not import`);
      const unplaced = new Set(imported.nodes.filter((node) => node.position === undefined).map((node) => node.id));
      expect(back.nodes.every((node) => node.position !== undefined)).toBe(true);
      const placedBack = { ...back, nodes: back.nodes.map((node) => (unplaced.has(node.id) ? { ...node, position: undefined } : node)) };
      expect(semantics(placedBack), `${file} ${process.id}`).toEqual(semantics(imported));
      expect(placedBack, `${file} ${process.id}`).toEqual(imported);
      expect(diagnostics.filter((d) => lossCodes.has(d.code)), `${file} ${process.id}`).toEqual([]);
      if (xmllintAvailable()) expect(validateWithBpmnXsd(exported), `${file} ${process.id}`).toBe('');
    }
  });
});
