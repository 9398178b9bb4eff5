import type { ModdleElement } from 'moddle';
import type { BpmnBaseElement } from 'bpmn-moddle/types';
import type { z } from 'zod';

/**
 * The extension elements of `element` (children of `bpmn:extensionElements`) of one moddle type,
 * e.g. `tongban:Sla`, in document order.
 * @internal
 */
export function extensionValues<T>(element: BpmnBaseElement, type: string): ModdleElement<T>[] {
  const values = (element.extensionElements?.values ?? []) as ModdleElement[];
  return values.filter((value) => value.$type === type) as ModdleElement<T>[];
}

/**
 * The first problem zod found, as `path: message` (or the message alone at the root).
 * @internal
 */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'it does not fit the definition schema';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/**
 * `'true'` → `true`, `'false'` → `false` (XML Schema `xs:boolean` spellings `1` and `0` too), any
 * other text as it is (for the schema to refuse), `undefined` as it is.
 * @internal
 */
export function booleanText(text: string | undefined): boolean | string | undefined {
  if (text === undefined) return undefined;
  const value = text.trim();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return text;
}
