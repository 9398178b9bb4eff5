import type { DefinitionGraph } from './definition-graph.ts';
import { isWaitNode, nodeField, quoteList } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/**
 * `cycle-without-wait-state`: a cycle that passes no user task would loop forever inside one step
 * (gateways compile to eventless `always` transitions; statelyai/xstate#3501). Found as the strongly
 * connected components of the graph without its user tasks (Tarjan, iterative).
 * @internal
 */
export function checkGatewayCycles(graph: DefinitionGraph): Diagnostic[] {
  const transient = (id: string): boolean => {
    const type = graph.nodes.get(id)?.type;
    return type !== undefined && !isWaitNode(type);
  };
  const successors = (id: string): string[] =>
    (graph.outgoing.get(id) ?? []).map((edge) => edge.target).filter(transient);

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of graph.nodes.keys()) {
    if (!transient(root) || index.has(root)) continue;
    const work: { id: string; next: number; targets: string[] }[] = [];
    const open = (id: string): void => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: 0, targets: successors(id) });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number];
      if (frame.next < frame.targets.length) {
        const target = frame.targets[frame.next] as string;
        frame.next += 1;
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(target) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }

  const order = (id: string): number => graph.nodeIndex.get(id) ?? 0;
  const diagnostics: Diagnostic[] = [];
  for (const component of components) {
    const only = component[0] as string;
    const selfLoop = component.length === 1 && successors(only).includes(only);
    if (component.length < 2 && !selfLoop) continue;
    const members = [...component].sort((a, b) => order(a) - order(b));
    const first = members[0] as string;
    diagnostics.push({
      code: 'cycle-without-wait-state',
      severity: 'error',
      message: `Nodes ${quoteList(members)} form a cycle with no user task in it, so a case would loop through it forever`,
      nodeId: first,
      field: nodeField(graph, first),
    });
  }
  return diagnostics.sort((a, b) => order(a.nodeId as string) - order(b.nodeId as string));
}
