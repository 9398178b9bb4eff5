/**
 * Tongban's real service processes as data: workflow definitions and their case fixtures.
 * @module
 */
import type { WorkflowDefinitionInput } from '@tongban/engine';
import newborn from '../newborn/definition.json' with { type: 'json' };
import openRestaurant from '../open-restaurant/definition.json' with { type: 'json' };

/**
 * Every process definition of this package, as written in its `definition.json`.
 * Sources of each time limit: the README beside each definition.
 */
export const workflowDefinitions: readonly WorkflowDefinitionInput[] = [
  openRestaurant as WorkflowDefinitionInput,
  newborn as WorkflowDefinitionInput,
];

/** Thrown by {@link getWorkflow} for a key no definition of this package carries. */
export class UnknownWorkflowError extends Error {
  /** Stable error code. */
  readonly code = 'unknown-workflow';

  constructor(readonly key: string) {
    super(`No workflow definition has the key '${key}'; known keys: ${workflowDefinitions.map((d) => `'${d.key}'`).join(', ')}`);
    this.name = 'UnknownWorkflowError';
  }
}

/**
 * The definition whose `key` is `key`.
 * @throws {UnknownWorkflowError} when no definition has that key.
 */
export function getWorkflow(key: string): WorkflowDefinitionInput {
  const definition = workflowDefinitions.find((d) => d.key === key);
  if (definition === undefined) throw new UnknownWorkflowError(key);
  return definition;
}
