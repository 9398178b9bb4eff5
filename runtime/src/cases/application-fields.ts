import { dataSchemaFields, type WorkflowDefinition } from '@tongban/engine';
import { InvalidInputError } from '../errors/index.ts';

/**
 * The fields of the application: the keys of the workflow's `dataSchema`, or, for a workflow
 * without one, the keys of the case data.
 *
 * Pure: performs no I/O.
 */
export function applicationFields(definition: Pick<WorkflowDefinition, 'dataSchema'>, caseData: Record<string, unknown>): string[] {
  const declared = dataSchemaFields(definition);
  return declared.length > 0 ? declared : Object.keys(caseData);
}

/**
 * Checks that every key of `data` (an application, a supplement) is one of the application's
 * `fields` (see {@link applicationFields}), so nothing the workflow does not declare is stored.
 *
 * Pure: performs no I/O.
 * @throws InvalidInputError `code` naming the first unknown key as `data.<key>`, reason `unknown-field`.
 */
export function checkKnownFields(data: Record<string, unknown>, fields: readonly string[], code: string): void {
  const unknown = Object.keys(data).find((key) => !fields.includes(key));
  if (unknown === undefined) return;
  throw new InvalidInputError(code, `The application has no field '${unknown}'; it has ${fields.map((f) => `'${f}'`).join(', ') || 'no fields'}`, {
    field: `data.${unknown}`,
    reason: 'unknown-field',
  });
}
