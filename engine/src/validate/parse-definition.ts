import { definitionSchema, migrateDefinition } from '../definition/index.ts';
import type { WorkflowDefinition } from '../definition/index.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/** The result of `parseDefinition`: a definition when the input fits the schema, and what did not fit. */
export interface ParseResult {
  definition: WorkflowDefinition | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Reads `input` (parsed JSON, e.g. a request body or a file) against the definition schema, with
 * defaults applied, after migrating it to the current schema version (`migrateDefinition`). Each schema violation becomes an `invalid-schema` diagnostic whose `field` is
 * the JSON path of the offending value (`nodes[3].department`) and whose `nodeId` / `edgeId` names
 * the node or edge it sits in, when that has an id. Never throws.
 *
 * Pure: performs no I/O.
 */
export function parseDefinition(input: unknown): ParseResult {
  const parsed = definitionSchema.safeParse(migrateDefinition(input));
  if (parsed.success) return { definition: parsed.data, diagnostics: [] };
  const diagnostics = parsed.error.issues.map((issue): Diagnostic => {
    const field = formatPath(issue.path);
    const owner = ownerOf(input, issue.path);
    return {
      code: 'invalid-schema',
      severity: 'error',
      message: `${field || 'The definition'}: ${issue.message}`,
      ...(field ? { field } : {}),
      ...owner,
    };
  });
  return { definition: undefined, diagnostics };
}

/** `['nodes', 3, 'department']` → `nodes[3].department`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** The id of the node or edge a path points into, when the input gives it one. */
function ownerOf(input: unknown, path: readonly PropertyKey[]): { nodeId?: string; edgeId?: string } {
  const [collection, index] = path;
  if ((collection !== 'nodes' && collection !== 'edges') || typeof index !== 'number') return {};
  const list = (input as Record<string, unknown> | null)?.[collection];
  const item = Array.isArray(list) ? (list[index] as { id?: unknown } | undefined) : undefined;
  if (typeof item?.id !== 'string') return {};
  return collection === 'nodes' ? { nodeId: item.id } : { edgeId: item.id };
}
