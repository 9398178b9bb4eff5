import { isEngineError } from '@tongban/engine';
import type { WorkflowDefinition } from '@tongban/engine';
import { ConflictError } from '../errors/index.ts';

/** The details of a 409 `feel-budget-exceeded`: where the expression sits in the definition. */
export interface FeelBudgetDetails {
  caseId: string;
  /** The gateway whose edge holds the condition, or the multi-instance task of the collection. */
  nodeId: string | null;
  edgeId: string | null;
  expression: string;
  limit: 'time' | 'memory';
}

/**
 * The 409 `feel-budget-exceeded` for an engine `FeelBudgetExceededError` met on case `caseId` of
 * `definition`, naming the edge (and its gateway) or the multi-instance task whose expression it
 * is; undefined for any other error.
 */
export function feelBudgetConflict(error: unknown, caseId: string, definition: WorkflowDefinition): ConflictError | undefined {
  if (!isEngineError(error, 'feel-budget-exceeded')) return undefined;
  const { expression, limit } = error as unknown as { expression: string; limit: 'time' | 'memory' };
  const edge = definition.edges.find((candidate) => candidate.condition === expression);
  const task = definition.nodes.find((node) => node.type === 'userTask' && node.multiInstance?.items === expression);
  const details: FeelBudgetDetails = {
    caseId,
    nodeId: edge?.source ?? task?.id ?? null,
    edgeId: edge?.id ?? null,
    expression,
    limit,
  };
  const where = edge ? `the condition of edge '${edge.id}' (gateway '${edge.source}')` : task ? `the collection of task '${task.id}'` : 'a FEEL expression';
  return new ConflictError(
    'feel-budget-exceeded',
    `${where} could not be evaluated within its budget on case '${caseId}', so the step did not happen: ${error.message}`,
    details,
  );
}
