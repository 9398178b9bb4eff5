import type { Diagnostic } from '../validate/diagnostic.types.ts';
import { EngineError } from './engine-error.ts';

/**
 * A `dataSchema` outside the safe subset, met where application data is checked (a definition
 * published before the subset was enforced): the data cannot be checked safely. The diagnostics
 * say why, as validation reports them.
 */
export class UnsupportedDataSchemaError extends EngineError {
  readonly code = 'unsupported-data-schema';

  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
    super(`The data schema cannot be used to check application data: ${first ? first.message : 'it is outside the supported subset'}${more}`);
  }
}
