import type { FormField } from '@tongban/engine';

/**
 * The value a form field's text means in case data: a number for `number` fields (`undefined`
 * when the text is not one), the text itself otherwise. Booleans are read from a checkbox.
 */
export function fieldValue(field: Pick<FormField, 'type'>, text: string): unknown {
  if (field.type !== 'number') return text;
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Every form field of the definition's tasks, once per key (the first declaration wins). */
export function allFormFields(nodes: readonly { type: string; form?: readonly FormField[] }[]): FormField[] {
  const seen = new Map<string, FormField>();
  for (const node of nodes) {
    for (const field of node.form ?? []) if (!seen.has(field.key)) seen.set(field.key, field);
  }
  return [...seen.values()];
}
