import type { WorkflowDefinition } from '../definition/index.ts';
import type { Diagnostic } from '../validate/diagnostic.types.ts';
import { analyzeDefinition } from '../validate/analyze-definition.ts';
import { parseDefinition } from '../validate/parse-definition.ts';
import { hasErrors } from '../validate/validate.ts';
import type { CompileResult } from './compile.ts';
import { compileAnalysis } from './compile-analysis.ts';

/** What `validateAndCompile` returns: the compiled machine exactly when no diagnostic is an error. */
export interface ValidateAndCompileResult {
  definition: WorkflowDefinition | undefined;
  diagnostics: Diagnostic[];
  compiled: CompileResult | undefined;
}

/**
 * Parses, validates and compiles in one pass: what the designer runs on every edit and the API
 * runs on publish. Schema violations stop it after parsing; otherwise every diagnostic is returned
 * and, when none is an error, the compiled machine too. Never throws on user input.
 *
 * Pure: performs no I/O.
 */
export function validateAndCompile(input: unknown): ValidateAndCompileResult {
  const parsed = parseDefinition(input);
  if (!parsed.definition) return { definition: undefined, diagnostics: parsed.diagnostics, compiled: undefined };
  const analysis = analyzeDefinition(parsed.definition);
  const compiled = hasErrors(analysis.diagnostics) ? undefined : compileAnalysis(analysis);
  return { definition: parsed.definition, diagnostics: analysis.diagnostics, compiled };
}
