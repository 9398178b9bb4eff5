import { parseDefinition, validate, type Diagnostic } from '@tongban/engine';

/**
 * What the engine finds wrong with the definition on the canvas: schema problems first (a field
 * emptied, an id mistyped), and when it fits the schema, the graph rules. The same two steps the
 * API runs on `POST /definitions/validate`. Never throws.
 */
export function liveDiagnostics(definition: unknown): Diagnostic[] {
  const parsed = parseDefinition(definition);
  return parsed.definition === undefined ? parsed.diagnostics : validate(parsed.definition);
}
