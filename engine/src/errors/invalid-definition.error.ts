import type { Diagnostic } from '../validate/diagnostic.types.ts';
import { EngineError } from './engine-error.ts';

/** Thrown by `compile` when a definition has error diagnostics; they are attached. */
export class InvalidDefinitionError extends EngineError {
  readonly code = 'invalid-definition';
  readonly workflowKey: string;
  readonly diagnostics: Diagnostic[];

  constructor(workflowKey: string, diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super(`Workflow '${workflowKey}' cannot be compiled: ${first ? first.message : 'it is invalid'}${more}`);
    this.workflowKey = workflowKey;
    this.diagnostics = diagnostics;
  }
}
