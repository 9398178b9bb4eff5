import type { DefinitionGraph } from './definition-graph.ts';
import { nodeField } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/**
 * `unreachable-node` (warning: the compiler leaves such nodes out) and `no-path-to-end` (error: a
 * case that reaches the node can never finish). Both follow every edge, returns included.
 * @internal
 */
export function checkReachability(graph: DefinitionGraph): Diagnostic[] {
  const nodes = [...graph.nodes.values()];
  const starts = nodes.filter((node) => node.type === 'startEvent').map((node) => node.id);
  const ends = nodes.filter((node) => node.type === 'endEvent').map((node) => node.id);
  if (starts.length === 0) return [];
  const reached = reachable(starts, (id) => (graph.outgoing.get(id) ?? []).map((edge) => edge.target));
  const finishing = reachable(ends, (id) => (graph.incoming.get(id) ?? []).map((edge) => edge.source));
  const diagnostics: Diagnostic[] = [];
  for (const node of nodes) {
    if (!reached.has(node.id)) {
      diagnostics.push({
        code: 'unreachable-node',
        severity: 'warning',
        message: `Node '${node.id}' cannot be reached from the start of workflow '${graph.definition.key}'; it is left out of the compiled machine`,
        nodeId: node.id,
        field: nodeField(graph, node.id),
      });
    } else if (ends.length > 0 && !finishing.has(node.id)) {
      diagnostics.push({
        code: 'no-path-to-end',
        severity: 'error',
        message: `No path leads from node '${node.id}' to an end event, so a case that reaches it can never finish`,
        nodeId: node.id,
        field: nodeField(graph, node.id),
      });
    }
  }
  return diagnostics;
}

/**
 * Whether `to` is reachable from `from` by `next` (`from` itself counts); stops as soon as it is found.
 * @internal
 */
export function reaches(from: string, to: string, next: (id: string) => readonly string[]): boolean {
  if (from === to) return true;
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const target of next(id)) {
      if (target === to) return true;
      if (seen.has(target)) continue;
      seen.add(target);
      stack.push(target);
    }
  }
  return false;
}

/**
 * The ids reachable from `from` by `next`, `from` included.
 * @internal
 */
export function reachable(from: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>(from);
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const target of next(id)) {
      if (seen.has(target)) continue;
      seen.add(target);
      stack.push(target);
    }
  }
  return seen;
}
