import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { InvalidInputError } from '../errors/index.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/**
 * Compiled validators by schema object. The definition store keeps one object per definition
 * version, so each version's `dataSchema` is compiled once.
 */
const compiled = new WeakMap<Record<string, unknown>, ValidateFunction>();

/** One reason application data was refused: the field as `data.<path>` and the JSON Schema keyword. */
export interface CaseDataIssue {
  field: string;
  reason: string;
  message: string;
}

/**
 * Checks application data against a definition's `dataSchema` (JSON Schema draft-07 through
 * 2020-12 keywords that Ajv 8 supports, with the `ajv-formats` formats, e.g. `date`).
 *
 * @throws InvalidInputError `invalid-case-data`; its message names every failing field as
 *   `data.<path>` and why, `details` holds the first `field` and `reason` and every issue.
 */
export function checkCaseData(schema: Record<string, unknown> | undefined, data: Record<string, unknown>): void {
  if (!schema) return;
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(data)) return;
  const issues = (validate.errors ?? []).map(issueOf);
  const [first] = issues;
  if (!first) return;
  throw new InvalidInputError(
    'invalid-case-data',
    `Application data is invalid: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
    { field: first.field, reason: first.reason, issues },
  );
}

function issueOf(error: ErrorObject): CaseDataIssue {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') segments.push(String((error.params as { missingProperty: string }).missingProperty));
  const field = segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : `${path}.${s}`), 'data');
  const message = error.keyword === 'required' ? 'is required' : (error.message ?? error.keyword);
  return { field, reason: error.keyword, message };
}
