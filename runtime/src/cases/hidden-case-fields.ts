import { hiddenFields, type WorkflowDefinition } from '@tongban/engine';

/**
 * The fields of a case's data a reader may not see: those hidden (`fieldPermissions`) at every one
 * of `nodeIds`, the steps through which the reader knows the case (their department's tasks, or the
 * task a copy was sent from). A field one of those steps shows is shown. Empty when `nodeIds` is.
 *
 * Pure: performs no I/O.
 */
export function hiddenCaseFields(definition: WorkflowDefinition, nodeIds: readonly string[]): Set<string> {
  const perNode = [...new Set(nodeIds)].map((id) => {
    const node = definition.nodes.find((n) => n.id === id);
    return new Set(node?.type === 'userTask' ? hiddenFields(node) : []);
  });
  const [first, ...rest] = perNode;
  if (first === undefined) return new Set();
  return new Set([...first].filter((key) => rest.every((hidden) => hidden.has(key))));
}

/** `data` without the keys in `hidden` (the same object when none is). Pure. */
export function withoutFields<T extends Record<string, unknown> | null>(data: T, hidden: ReadonlySet<string>): T {
  if (data === null || hidden.size === 0 || !Object.keys(data).some((key) => hidden.has(key))) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !hidden.has(key))) as T;
}
