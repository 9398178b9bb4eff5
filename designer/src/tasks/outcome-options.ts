import { builtInOutcomes, offeredOutcomes, type BuiltInOutcome, type UserTask, type WorkflowDefinition } from '@tongban/engine';

/** What pressing an outcome button does: built-ins have their own dialogs; named outcomes decide like `approve`. */
export type OutcomeKind = BuiltInOutcome | 'custom';

/** One button of a task's decision bar. */
export interface OutcomeOption {
  id: string;
  label: string;
  kind: OutcomeKind;
}

/**
 * The outcomes a clerk may choose on `node`, in the designer's order, labelled with the designer's
 * labels (or `defaultLabels` for a built-in outcome without one). Pure.
 */
export function outcomeOptions(node: Pick<UserTask, 'outcomes'>, defaultLabels: Readonly<Record<BuiltInOutcome, string>>): OutcomeOption[] {
  return offeredOutcomes(node).map((id) => {
    const kind: OutcomeKind = (builtInOutcomes as readonly string[]).includes(id) ? (id as BuiltInOutcome) : 'custom';
    const label = node.outcomes.find((outcome) => outcome.id === id)?.label ?? (kind === 'custom' ? id : defaultLabels[kind]);
    return { id, label, kind };
  });
}

/** The earlier tasks a `return` from `nodeId` can go back to: targets of its `return` edges, with their names. Pure. */
export function returnTargets(definition: WorkflowDefinition, nodeId: string): { nodeId: string; name: string }[] {
  return definition.edges
    .filter((edge) => edge.source === nodeId && edge.outcome === 'return')
    .map((edge) => ({ nodeId: edge.target, name: definition.nodes.find((node) => node.id === edge.target)?.name ?? edge.target }));
}

/** The userTask node `nodeId` of `definition`, if it is one. Pure. */
export function userTaskOf(definition: WorkflowDefinition | undefined, nodeId: string): UserTask | undefined {
  const node = definition?.nodes.find((candidate) => candidate.id === nodeId);
  return node?.type === 'userTask' ? node : undefined;
}
