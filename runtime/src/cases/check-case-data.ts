import { dataValidatorOf, isEngineError, type DataIssue, type UnsupportedDataSchemaError } from '@tongban/engine';
import { ConflictError, InvalidInputError } from '../errors/index.ts';

/** One reason application data was refused: the field as `data.<path>`, the JSON Schema keyword and why. */
export type CaseDataIssue = Omit<DataIssue, 'params'>;

/**
 * Checks application data against a definition's `dataSchema` with the engine's validator
 * (`dataValidatorOf`: the safe subset of draft-07, patterns run by RE2), the one the console's
 * application form uses too.
 *
 * @throws InvalidInputError `invalid-case-data`; its message names every failing field as
 *   `data.<path>` and why, `details` holds the first `field` and `reason` and every issue.
 * @throws ConflictError `unsupported-data-schema` when the schema, published before the subset was
 *   enforced, falls outside it: the data cannot be checked safely; `details` holds the diagnostics.
 */
export function checkCaseData(schema: Record<string, unknown> | undefined, data: Record<string, unknown>): void {
  if (!schema) return;
  let validate;
  try {
    validate = dataValidatorOf(schema);
  } catch (error) {
    if (!isEngineError(error, 'unsupported-data-schema')) throw error;
    throw new ConflictError(
      'unsupported-data-schema',
      `${error.message}; publish a version whose data schema passes validation`,
      { diagnostics: (error as UnsupportedDataSchemaError).diagnostics },
    );
  }
  const issues = validate(data).map(({ field, reason, message }) => ({ field, reason, message }));
  const [first] = issues;
  if (!first) return;
  throw new InvalidInputError(
    'invalid-case-data',
    `Application data is invalid: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
    { field: first.field, reason: first.reason, issues },
  );
}
