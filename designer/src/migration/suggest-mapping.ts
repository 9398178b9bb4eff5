import type { WorkflowDefinition, WorkflowNode } from '@tongban/engine';

/** The node types a running case waits in: the nodes a migration maps. */
const WAITING_TYPES: ReadonlySet<WorkflowNode['type']> = new Set(['userTask', 'serviceTask', 'timerEvent', 'callActivity']);

/** The nodes of `definition` a running case can wait in, in definition order. Pure. */
export function waitingNodes(definition: WorkflowDefinition): WorkflowNode[] {
  return definition.nodes.filter((node) => WAITING_TYPES.has(node.type));
}

/** The nodes of `target` a source node of type `type` may move to. Pure. */
export function mappableTargets(target: WorkflowDefinition, type: WorkflowNode['type']): WorkflowNode[] {
  return target.nodes.filter((node) => node.type === type);
}

/**
 * The mapping a migration starts from: each waiting node of `source` to the node of `target` with
 * the same id and type; a node without one is left out (`undefined`), for the designer to choose.
 * Pure.
 */
export function suggestMapping(source: WorkflowDefinition, target: WorkflowDefinition): Record<string, string | undefined> {
  return Object.fromEntries(
    waitingNodes(source).map((node) => [node.id, mappableTargets(target, node.type).some((candidate) => candidate.id === node.id) ? node.id : undefined]),
  );
}

/** The mapping as the API takes it: the chosen entries only. Pure. */
export function chosenMapping(mapping: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
