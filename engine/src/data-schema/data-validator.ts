/**
 * Checking application data against a definition's `dataSchema`: one validator for the runtime
 * (filing, supplements, completions) and the console's application form, so both refuse the same
 * data for the same reason, naming the same field.
 * @module
 */
import type { ErrorObject } from 'ajv';
import { UnsupportedDataSchemaError } from '../errors/unsupported-data-schema.error.ts';
import { inspectDataSchema } from './check-data-schema.ts';
import { MAX_DATA_ISSUES } from './data-schema-limits.ts';

/** One reason application data was refused. */
export interface DataIssue {
  /** The value at fault, `data.<path>`: `data.contactPhone`, `data.items[0]`; a missing property is named itself. */
  field: string;
  /** The JSON Schema keyword that refused it: `required`, `pattern`, `minLength`, `type`, … */
  reason: string;
  /** What is wrong, in English: `is required`, `must match pattern "^1[3-9][0-9]{9}$"`. */
  message: string;
  /** The keyword's parameters as Ajv reports them, e.g. `{ limit: 1 }` for `minLength`. */
  params: Record<string, unknown>;
}

/** Checks application data: the issues found, at most `MAX_DATA_ISSUES`, none when it fits. */
export type DataValidator = (data: unknown) => DataIssue[];

const validators = new WeakMap<object, DataValidator>();

/**
 * The validator of `schema` (a definition's `dataSchema`), compiled once per schema object: Ajv on
 * draft-07 with every pattern run by RE2 (linear time) and the supported formats.
 *
 * Pure: performs no I/O.
 * @example
 * ```ts
 * const issues = dataValidatorOf(definition.dataSchema)({ contactPhone: 'abc' });
 * // [{ field: 'data.contactPhone', reason: 'pattern', message: 'must match pattern "^1[3-9][0-9]{9}$"', … }, …]
 * ```
 * @throws {UnsupportedDataSchemaError} when `schema` is outside the safe subset (`checkDataSchema`).
 */
export function dataValidatorOf(schema: Record<string, unknown>): DataValidator {
  const cached = validators.get(schema);
  if (cached !== undefined) return cached;
  const { diagnostics, validate } = inspectDataSchema(schema);
  if (validate === undefined) throw new UnsupportedDataSchemaError(diagnostics);
  const validator: DataValidator = (data) => (validate(data) ? [] : (validate.errors ?? []).slice(0, MAX_DATA_ISSUES).map(issueOf));
  validators.set(schema, validator);
  return validator;
}

function issueOf(error: ErrorObject): DataIssue {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') segments.push(String((error.params as { missingProperty: string }).missingProperty));
  const field = segments.reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : `${path}.${segment}`), 'data');
  const message = error.keyword === 'required' ? 'is required' : (error.message ?? error.keyword);
  return { field, reason: error.keyword, message, params: { ...error.params } };
}
