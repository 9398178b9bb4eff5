import { dataValidatorOf, type DataIssue, type DataValidator } from '@tongban/engine';
import type { intakeMessages } from './intake.messages.ts';
import { dataKey, type SchemaField } from './schema-fields.ts';

type Messages = (typeof intakeMessages)['zh-CN'];

/**
 * The validator of a definition's `dataSchema`: the engine's `dataValidatorOf`, the one the server
 * checks filings with (patterns run by RE2), so the form refuses what the server refuses, for the
 * same reason, on the same field. Null without a schema, or for a schema outside the safe subset
 * (published before it was enforced): the server then refuses filings on that version, and says so.
 * Pure.
 */
export function applicationValidator(dataSchema: Readonly<Record<string, unknown>> | undefined): DataValidator | null {
  if (dataSchema === undefined) return null;
  try {
    return dataValidatorOf(dataSchema as Record<string, unknown>);
  } catch {
    return null;
  }
}

/** The first of `issues` about the top-level property `key` (`data.<key>`, `data.<key>[0]`, …), if any. Pure. */
export function issueOf(issues: readonly DataIssue[], key: string): DataIssue | undefined {
  return issues.find((issue) => dataKey(issue.field) === key);
}

const limitOf = (issue: DataIssue): number => Number(issue.params.limit);

/** What to show under `field` for `issue`, in the console's language, by the keyword that refused the value. Pure. */
export function issueMessage(issue: DataIssue, field: SchemaField, t: Messages): string {
  const { label } = field;
  switch (issue.reason) {
    case 'required':
      return field.kind === 'boolean' || field.kind === 'select' || field.kind === 'multiSelect' ? t.requiredChoice(label) : t.required(label);
    case 'pattern':
    case 'format':
      return t.pattern(label);
    case 'minLength':
      return t.minLength(label, limitOf(issue));
    case 'maxLength':
      return t.maxLength(label, limitOf(issue));
    case 'minimum':
      return t.atLeast(label, limitOf(issue));
    case 'maximum':
      return t.atMost(label, limitOf(issue));
    case 'exclusiveMinimum':
      return t.above(label, limitOf(issue));
    case 'exclusiveMaximum':
      return t.below(label, limitOf(issue));
    case 'minItems':
      return t.minItems(label, limitOf(issue));
    case 'type':
      return field.kind === 'integer' ? t.integer(label) : t.invalid(label);
    default:
      return t.invalid(label);
  }
}
