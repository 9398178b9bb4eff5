import type { WorkflowFixture } from '@tongban/workflows';
import type { SupplementItem } from '../../src/db/schema/index.ts';

/** The document a fixture's 补正 asks for when the supplement that answers it gives no field. */
export const FIXTURE_DOCUMENT = '补正材料';

/**
 * The items of the 补正 at step `index` of `fixture`'s script: the fields the next supplement
 * gives, or one document when it gives none (that supplement then hands the document in).
 */
export function itemsAnsweredAfter(fixture: WorkflowFixture, index: number): SupplementItem[] {
  const answer = fixture.script.slice(index + 1).find((a) => a.action === 'supplement');
  const fields = Object.keys((answer?.action === 'supplement' ? answer.data : undefined) ?? {});
  if (fields.length === 0) return [{ kind: 'document', document: FIXTURE_DOCUMENT, note: '补正材料' }];
  return fields.map((field) => ({ kind: 'field', field, note: '请补正' }));
}

/** The supplement a fixture scripts as it is handed in: its fields, or the document asked for. */
export function supplementOf(data: Record<string, unknown> = {}): { data: Record<string, unknown>; documents: string[] } {
  return { data, documents: Object.keys(data).length === 0 ? [FIXTURE_DOCUMENT] : [] };
}
