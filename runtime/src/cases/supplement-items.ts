import type { SupplementItem, SupplementRequestRecord } from '../db/schema/index.ts';
import { InvalidInputError } from '../errors/index.ts';
import { checkKnownFields } from './application-fields.ts';

/** What an applicant hands in for a 补正: values of application fields and documents. */
export interface SupplementAnswer {
  data: Record<string, unknown>;
  /** Names or references of documents, or small records with a `name`. */
  documents: unknown[];
}

/**
 * Checks the items of a 补正 request (行政许可法 art. 32: everything missing, told at once): at
 * least one; each names a field of the application (`applicationFields`) or a document,
 * with a note; no item twice.
 *
 * Pure: performs no I/O.
 * @throws InvalidInputError `supplement-items-required` (field `supplementItems`),
 *   `supplement-item-invalid` naming `supplementItems[i].<key>`.
 */
export function checkSupplementItems(items: readonly SupplementItem[] | undefined, fields: readonly string[]): SupplementItem[] {
  if (items === undefined || items.length === 0) {
    throw new InvalidInputError(
      'supplement-items-required',
      'A 补正 names every item the applicant must supply (行政许可法 art. 32): give at least one in supplementItems',
      { field: 'supplementItems', reason: 'required' },
    );
  }
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const at = `supplementItems[${index}]`;
    if (item.note.trim() === '') fail(`${at}.note`, 'required', `Item ${index} of the 补正 needs a note saying what is wanted`);
    if (item.kind === 'field' && !fields.includes(item.field)) {
      fail(`${at}.field`, 'unknown-field', `Item ${index} names field '${item.field}', which the application does not have; it has ${fields.map((f) => `'${f}'`).join(', ') || 'no fields'}`);
    }
    if (item.kind === 'document' && item.document.trim() === '') fail(`${at}.document`, 'required', `Item ${index} of the 补正 names no document`);
    const key = item.kind === 'field' ? `field:${item.field}` : `document:${item.document.trim()}`;
    if (seen.has(key)) fail(at, 'duplicate', `Item ${index} of the 补正 repeats an earlier item (${key})`);
    seen.add(key);
  });
  return items.map((item) => (item.kind === 'field' ? { ...item, note: item.note.trim() } : { ...item, document: item.document.trim(), note: item.note.trim() }));
}

/** The name of a handed-in document: the string, or the `name` of a record. */
function documentName(document: unknown): string | undefined {
  if (typeof document === 'string') return document.trim();
  if (typeof document === 'object' && document !== null && typeof (document as { name?: unknown }).name === 'string') {
    return ((document as { name: string }).name).trim();
  }
  return undefined;
}

/**
 * Checks an applicant's supplement against the 补正 it answers: not empty; every field it sets is
 * a field of the application and one the request asked for; every field and document asked for is
 * handed in (the request told everything at once, so the answer is whole). A 补正 asked before
 * requests named their items (`request` undefined) accepts any field of the application.
 *
 * Pure: performs no I/O.
 * @throws InvalidInputError `supplement-empty` (field `data`), `supplement-unknown-field` and
 *   `supplement-field-not-requested` naming `data.<key>`, `supplement-incomplete` naming
 *   `data.<field>` or `documents`.
 */
export function checkSupplementAnswer(request: Pick<SupplementRequestRecord, 'items'> | undefined, fields: readonly string[], answer: SupplementAnswer): void {
  const keys = Object.keys(answer.data);
  if (keys.length === 0 && answer.documents.length === 0) {
    throw new InvalidInputError('supplement-empty', 'A supplement hands in data or documents; this one is empty', { field: 'data', reason: 'empty' });
  }
  checkKnownFields(answer.data, fields, 'supplement-unknown-field');
  if (request === undefined) return;
  const requestedFields = request.items.flatMap((item) => (item.kind === 'field' ? [item.field] : []));
  for (const key of keys) {
    if (!requestedFields.includes(key)) {
      throw new InvalidInputError(
        'supplement-field-not-requested',
        `The 补正 did not ask for field '${key}'; it asked for ${requestedFields.map((f) => `'${f}'`).join(', ') || 'documents only'}`,
        { field: `data.${key}`, reason: 'not-requested', requested: requestedFields },
      );
    }
  }
  for (const field of requestedFields) {
    const value = answer.data[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      throw new InvalidInputError('supplement-incomplete', `The 补正 asked for field '${field}', which the supplement does not give`, {
        field: `data.${field}`,
        reason: 'missing',
      });
    }
  }
  const handedIn = new Set(answer.documents.map(documentName).filter((name): name is string => name !== undefined));
  for (const item of request.items) {
    if (item.kind === 'document' && !handedIn.has(item.document)) {
      throw new InvalidInputError('supplement-incomplete', `The 补正 asked for document '${item.document}', which the supplement does not hand in`, {
        field: 'documents',
        reason: 'missing',
        document: item.document,
      });
    }
  }
}

function fail(field: string, reason: string, message: string): never {
  throw new InvalidInputError('supplement-item-invalid', message, { field, reason });
}
