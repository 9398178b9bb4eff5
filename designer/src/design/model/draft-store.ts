import type { WorkflowDefinition } from '@tongban/engine';

/** Prefix of the `localStorage` keys drafts are kept under: `tongban.design.draft.<workflow key>`. */
export const draftPrefix = 'tongban.design.draft.';

/** Key under which the workflow key of the draft last saved is kept, to reopen it. */
export const lastDraftKey = 'tongban.design.last';

/** A draft kept in the browser: the definition and when it was saved. */
export interface Draft {
  definition: WorkflowDefinition;
  /** ISO 8601 instant the draft was saved. */
  savedAt: string;
}

/** Saves `definition` as the draft of its key (replacing an older one) and remembers it as the last. */
export function saveDraft(storage: Storage, definition: WorkflowDefinition, savedAt: string): Draft {
  const draft: Draft = { definition, savedAt };
  storage.setItem(`${draftPrefix}${definition.key}`, JSON.stringify(draft));
  storage.setItem(lastDraftKey, definition.key);
  return draft;
}

/**
 * The draft of workflow `key`, or `null` when there is none or it no longer reads as a draft.
 * The definition is not validated beyond JSON: a draft may be unfinished.
 */
export function loadDraft(storage: Storage, key: string): Draft | null {
  const text = storage.getItem(`${draftPrefix}${key}`);
  if (text === null) return null;
  try {
    const draft = JSON.parse(text) as Partial<Draft>;
    const definition = draft.definition;
    if (typeof draft.savedAt !== 'string' || definition === undefined || !Array.isArray(definition.nodes) || !Array.isArray(definition.edges)) {
      return null;
    }
    return { definition, savedAt: draft.savedAt };
  } catch {
    return null;
  }
}

/** Every draft kept, most recently saved first. */
export function listDrafts(storage: Storage): Draft[] {
  const drafts: Draft[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const name = storage.key(index);
    if (name === null || !name.startsWith(draftPrefix)) continue;
    const draft = loadDraft(storage, name.slice(draftPrefix.length));
    if (draft !== null) drafts.push(draft);
  }
  return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** The draft saved last, or `null`. */
export function loadLastDraft(storage: Storage): Draft | null {
  const key = storage.getItem(lastDraftKey);
  return key === null ? null : loadDraft(storage, key);
}

/** Forgets the draft of workflow `key`. */
export function deleteDraft(storage: Storage, key: string): void {
  storage.removeItem(`${draftPrefix}${key}`);
  if (storage.getItem(lastDraftKey) === key) storage.removeItem(lastDraftKey);
}
