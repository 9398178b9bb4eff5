import { TongbanError } from './tongban-error.ts';

/** A workflow definition with error diagnostics cannot be published; `details` holds them. HTTP 400. */
export class DefinitionInvalidError extends TongbanError {
  constructor(message: string, diagnostics: readonly unknown[]) {
    super('definition-invalid', 400, message, { diagnostics });
  }
}
