import { dataSchemaFields, fieldPermissionOf, offeredOutcomes } from '@tongban/engine';
import type { UserTask, WorkflowDefinition } from '@tongban/engine';
import { InvalidInputError } from '../errors/index.ts';

/** Outcomes that decide without the form being filled in: its required fields are not asked for. */
const OUTCOMES_WITHOUT_FORM = new Set(['reject', 'return', 'requestSupplement']);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks a clerk's decision against the task's node (pure):
 * - `outcome` is one the node offers;
 * - `data` writes only fields the node lets the clerk edit (`fieldPermissionOf`: the form's fields
 *   and the application fields marked `editable`), never one marked `readOnly` or `hidden`;
 * - the form's fields in `data` are each of its type (`number`, `boolean`, a `YYYY-MM-DD`
 *   `date`, text otherwise) and, for a `select`, one of its options; required fields are present
 *   unless the outcome is `reject`, `return` or `requestSupplement`;
 * - a `return` names `returnTo` when the node has several return edges, and a target it has.
 *
 * Returns the return target the step should take (undefined when not a return).
 *
 * Pure: performs no I/O.
 * @throws InvalidInputError naming the field (`outcome`, `data.<key>`, `returnTo`).
 */
export function checkCompletion(
  definition: WorkflowDefinition,
  node: UserTask,
  input: { outcome: string; data: Record<string, unknown>; returnTo?: string | undefined },
): string | undefined {
  const offered = offeredOutcomes(node);
  if (!offered.includes(input.outcome)) {
    throw new InvalidInputError(
      'outcome-not-offered',
      `Task '${node.id}' does not offer outcome '${input.outcome}'; it offers ${offered.map((o) => `'${o}'`).join(', ')}`,
      { field: 'outcome', reason: 'not-offered', offered },
    );
  }
  const fields = new Map(node.form.map((field) => [field.key, field]));
  const applicationFields = new Set(dataSchemaFields(definition));
  for (const [key, value] of Object.entries(input.data)) {
    const field = fields.get(key);
    if (!field && !applicationFields.has(key)) fail(`data.${key}`, 'unknown-field', `Task '${node.id}' has no form field '${key}'`);
    const permission = fieldPermissionOf(node, key);
    if (permission === 'hidden') fail(`data.${key}`, 'hidden', `Field '${key}' is hidden at task '${node.id}'; a completion cannot write it`);
    if (permission === 'readOnly') fail(`data.${key}`, 'read-only', `Field '${key}' is read-only at task '${node.id}'`);
    if (!field) continue;
    if (value === null || value === undefined) continue;
    const wrongType =
      (field.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) ||
      (field.type === 'boolean' && typeof value !== 'boolean') ||
      (field.type === 'date' && (typeof value !== 'string' || !DATE.test(value))) ||
      (['text', 'textarea', 'select'].includes(field.type) && typeof value !== 'string');
    if (wrongType) {
      const expected = field.type === 'date' ? 'a date YYYY-MM-DD' : field.type === 'number' || field.type === 'boolean' ? `a ${field.type}` : 'text';
      fail(`data.${key}`, 'type', `Form field '${key}' of task '${node.id}' takes ${expected}`);
    }
    if (field.type === 'select' && field.options && !field.options.some((o) => o.value === value)) {
      fail(
        `data.${key}`,
        'option',
        `Form field '${key}' of task '${node.id}' takes one of ${field.options.map((o) => `'${o.value}'`).join(', ')}`,
      );
    }
  }
  if (!OUTCOMES_WITHOUT_FORM.has(input.outcome)) {
    for (const field of node.form) {
      const value = input.data[field.key];
      if (field.required && (value === undefined || value === null || value === '')) {
        fail(`data.${field.key}`, 'required', `Form field '${field.key}' of task '${node.id}' is required`);
      }
    }
  }
  if (input.outcome !== 'return') return undefined;
  const targets = definition.edges.filter((e) => e.source === node.id && e.outcome === 'return').map((e) => e.target);
  if (input.returnTo === undefined) {
    if (targets.length > 1) {
      fail('returnTo', 'required', `Task '${node.id}' can return to ${targets.map((t) => `'${t}'`).join(', ')}; name one in 'returnTo'`);
    }
    return targets[0];
  }
  if (!targets.includes(input.returnTo)) {
    fail('returnTo', 'not-offered', `Task '${node.id}' cannot return to '${input.returnTo}'; it returns to ${targets.map((t) => `'${t}'`).join(', ')}`);
  }
  return input.returnTo;
}

/**
 * Checks that a completion names `supplementItems` only with the outcome that asks a 补正
 * (`requestSupplement`): with any other outcome they would be dropped unread.
 *
 * Pure: performs no I/O.
 * @throws InvalidInputError `invalid-task-input` naming `supplementItems`, reason `not-a-supplement`.
 */
export function checkSupplementItemsOutcome(input: { outcome: string; supplementItems?: readonly unknown[] | undefined }): void {
  if (input.supplementItems === undefined || input.outcome === 'requestSupplement') return;
  fail(
    'supplementItems',
    'not-a-supplement',
    `supplementItems belong to outcome 'requestSupplement' (补正); a completion with outcome '${input.outcome}' asks for nothing: leave them out`,
  );
}

function fail(field: string, reason: string, message: string): never {
  throw new InvalidInputError('invalid-task-input', message, { field, reason });
}
