import type { WorkflowDefinition } from '../definition/index.ts';
import { analyzeDefinition } from './analyze-definition.ts';
import type { Diagnostic } from './diagnostic.types.ts';

/**
 * Checks a parsed workflow definition and returns what is wrong with it, errors and warnings, in a
 * stable order (`engine/docs/diagnostics.md` explains every code). A definition compiles only
 * when no diagnostic is an error. Never throws on user input.
 *
 * Pure: performs no I/O.
 *
 * @example
 * ```ts
 * const { definition } = parseDefinition(json);
 * const diagnostics = definition ? validate(definition) : [];
 * ```
 */
export function validate(definition: WorkflowDefinition): Diagnostic[] {
  return analyzeDefinition(definition).diagnostics;
}

/**
 * Whether `diagnostics` hold an error (warnings do not block).
 *
 * Pure: performs no I/O.
 */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
