import type { BlockStructure } from './analyze-blocks.ts';
import type { DefinitionGraph } from './definition-graph.ts';
import { edgeField, forwardOutgoing, isReturnEdge, quoteList } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';
import { reaches } from './check-reachability.ts';
import { returnCrossing } from './return-crossing.ts';

/**
 * `return-target-not-earlier` (error), `return-leaves-parallel-block` and
 * `return-enters-parallel-block` (warnings).
 *
 * A return (退回) goes back to an earlier user task: one from which the returning task can be
 * reached without returns, on a path from the start. Leaving a parallel (or inclusive) block closes the open
 * tasks of its other branches as `returned`; entering a block from after it redoes only the
 * branch returned to, the others count as done.
 * @internal
 */
export function checkReturns(graph: DefinitionGraph, structure: BlockStructure): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const kinds = (splits: string[]): string => {
    const inclusive = splits.map((split) => structure.blocks.get(split)?.kind === 'inclusiveGateway');
    if (inclusive.every(Boolean)) return 'inclusive';
    return inclusive.some(Boolean) ? 'parallel and inclusive' : 'parallel';
  };
  const targets = new Map<string, string[]>();
  const forward = (id: string): string[] => {
    let list = targets.get(id);
    if (!list) {
      list = forwardOutgoing(graph, id).map((edge) => edge.target);
      targets.set(id, list);
    }
    return list;
  };

  for (const edge of graph.edges) {
    if (!isReturnEdge(graph, edge)) continue;
    const target = graph.nodes.get(edge.target);
    const sourceContainer = structure.containerOf.get(edge.source);
    const targetContainer = structure.containerOf.get(edge.target);
    const notEarlier = (reason: string): void => {
      diagnostics.push({
        code: 'return-target-not-earlier',
        severity: 'error',
        message: `Return edge '${edge.id}' from '${edge.source}' targets '${edge.target}', ${reason}`,
        nodeId: edge.source,
        edgeId: edge.id,
        field: edgeField(graph, edge, 'target'),
      });
    };
    if (target?.type !== 'userTask') {
      notEarlier('which is not a user task');
      continue;
    }
    if (edge.target === edge.source || targetContainer === undefined || !reaches(edge.target, edge.source, forward)) {
      notEarlier('which is not an earlier task on any path to it');
      continue;
    }
    if (sourceContainer === undefined) continue;
    const crossing = returnCrossing(structure, sourceContainer, targetContainer);
    if (crossing.acrossBranches) {
      notEarlier('which lies in another branch of the same parallel block');
      continue;
    }
    if (crossing.left.length > 0) {
      diagnostics.push({
        code: 'return-leaves-parallel-block',
        severity: 'warning',
        message: `Return edge '${edge.id}' from '${edge.source}' to '${edge.target}' leaves the ${kinds(crossing.left)} ${crossing.left.length === 1 ? 'block' : 'blocks'} of ${quoteList(crossing.left)}: the open tasks of the other branches close as returned, and the block starts afresh`,
        nodeId: edge.source,
        edgeId: edge.id,
      });
    }
    if (crossing.entered.length > 0) {
      const splits = crossing.entered.map((region) => region.splitId);
      diagnostics.push({
        code: 'return-enters-parallel-block',
        severity: 'warning',
        message: `Return edge '${edge.id}' from '${edge.source}' to '${edge.target}' enters the ${kinds(splits)} ${splits.length === 1 ? 'block' : 'blocks'} of ${quoteList(splits)}: only the branch of '${edge.target}' is redone, the other branches count as done`,
        nodeId: edge.source,
        edgeId: edge.id,
      });
    }
  }
  return diagnostics;
}
