import { CURRENT_SCHEMA_VERSION } from './definition.schema.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Migrates a definition as JSON (any schema version) to the current version, before the schema
 * reads it. Anything that is not a version 1 definition comes back as it is, for the schema to
 * judge.
 *
 * Version 1 → 2: version 2 requires a reason for `reject` and `return`, version 1 did not; every
 * `reject` and `return` outcome of a userTask that does not say `reasonRequired` gets
 * `reasonRequired: false`, so the migrated definition behaves exactly as before.
 *
 * Pure: returns a new object and leaves `input` alone.
 *
 * @example
 * ```ts
 * migrateDefinition({ schemaVersion: 1, nodes: [{ type: 'userTask', outcomes: [{ id: 'reject', label: '不予' }] }] });
 * // { schemaVersion: 2, nodes: [{ type: 'userTask', outcomes: [{ id: 'reject', label: '不予', reasonRequired: false }] }] }
 * ```
 */
export function migrateDefinition(input: unknown): unknown {
  if (!isObject(input) || input.schemaVersion !== 1) return input;
  const nodes = Array.isArray(input.nodes) ? input.nodes.map(migrateNode) : input.nodes;
  return { ...input, schemaVersion: CURRENT_SCHEMA_VERSION, nodes };
}

function migrateNode(node: unknown): unknown {
  if (!isObject(node) || node.type !== 'userTask' || !Array.isArray(node.outcomes)) return node;
  const outcomes = node.outcomes.map((outcome: unknown) =>
    isObject(outcome) && (outcome.id === 'reject' || outcome.id === 'return') && outcome.reasonRequired === undefined
      ? { ...outcome, reasonRequired: false }
      : outcome,
  );
  return { ...node, outcomes };
}
