import { beforeEach, describe, expect, it } from 'vitest';
import { definitionSchema } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { deleteDraft, draftPrefix, listDrafts, loadDraft, loadLastDraft, saveDraft } from './draft-store.ts';

const definition = definitionSchema.parse(fixture);

describe('draft store', () => {
  beforeEach(() => localStorage.clear());

  it('saves a draft under its workflow key and reads it back as the last draft', () => {
    saveDraft(localStorage, definition, '2026-03-02T09:00:00.000Z');
    expect(loadDraft(localStorage, 'signage-permit')).toEqual({ definition, savedAt: '2026-03-02T09:00:00.000Z' });
    expect(loadLastDraft(localStorage)?.definition.key).toBe('signage-permit');
  });

  it('lists drafts most recently saved first', () => {
    saveDraft(localStorage, definition, '2026-03-02T09:00:00.000Z');
    saveDraft(localStorage, { ...definition, key: 'other' }, '2026-03-03T09:00:00.000Z');
    expect(listDrafts(localStorage).map((draft) => draft.definition.key)).toEqual(['other', 'signage-permit']);
  });

  it('ignores entries that do not read as drafts', () => {
    localStorage.setItem(`${draftPrefix}broken`, '{not json');
    localStorage.setItem(`${draftPrefix}odd`, JSON.stringify({ definition: { nodes: 3 }, savedAt: 'x' }));
    expect(listDrafts(localStorage)).toEqual([]);
  });

  it('forgets a deleted draft and no longer offers it as the last', () => {
    saveDraft(localStorage, definition, '2026-03-02T09:00:00.000Z');
    deleteDraft(localStorage, 'signage-permit');
    expect(loadDraft(localStorage, 'signage-permit')).toBeNull();
    expect(loadLastDraft(localStorage)).toBeNull();
  });
});
