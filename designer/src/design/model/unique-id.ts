/**
 * The first id `${prefix}-${n}` (n = 1, 2, …) not in `taken`. Ids follow the engine's id rule
 * (a letter first, then letters, digits, `-`, `_`), so `prefix` must start with a letter.
 */
export function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** Every node and edge id of a definition. */
export function takenIds(definition: { nodes: readonly { id: string }[]; edges: readonly { id: string }[] }): Set<string> {
  return new Set([...definition.nodes.map((node) => node.id), ...definition.edges.map((edge) => edge.id)]);
}
