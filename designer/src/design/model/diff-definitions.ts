import type { WorkflowDefinition } from '@tongban/engine';

/** How one node or edge differs between two versions. */
export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** The difference of two versions of a workflow, by node and edge id. */
export interface DefinitionDiff {
  nodes: Record<string, DiffStatus>;
  edges: Record<string, DiffStatus>;
  /** Settings that differ: `name`, `description`, `calendar`, `promisedSla`. */
  settings: string[];
}

/** JSON of a value with object keys sorted, so key order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function diffById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  comparable: (item: T) => unknown,
): Record<string, DiffStatus> {
  const result: Record<string, DiffStatus> = {};
  const beforeById = new Map(before.map((item) => [item.id, item]));
  for (const item of after) {
    const old = beforeById.get(item.id);
    if (old === undefined) result[item.id] = 'added';
    else result[item.id] = canonical(comparable(old)) === canonical(comparable(item)) ? 'unchanged' : 'changed';
  }
  for (const item of before) {
    if (!(item.id in result)) result[item.id] = 'removed';
  }
  return result;
}

/**
 * Compares version `before` with version `after`. Moving a node on the canvas is not a change:
 * only what the process does counts (type, name, department, SLA, outcomes, routing, …).
 */
export function diffDefinitions(before: WorkflowDefinition, after: WorkflowDefinition): DefinitionDiff {
  const settingKeys = ['name', 'description', 'calendar', 'promisedSla'] as const;
  return {
    nodes: diffById(before.nodes, after.nodes, ({ position: _position, ...rest }) => rest),
    edges: diffById(before.edges, after.edges, (edge) => edge),
    settings: settingKeys.filter((key) => canonical(before[key]) !== canonical(after[key])),
  };
}
