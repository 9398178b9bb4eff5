import type { Jurisdiction } from '../api/api.types.ts';

/**
 * The jurisdictions a clerk of `ownId` may file a case in: their own and every one below it, in
 * tree order (own first, each followed by its children). Pure.
 */
export function filingJurisdictions(ownId: string, all: readonly Jurisdiction[]): Jurisdiction[] {
  const byParent = new Map<string, Jurisdiction[]>();
  for (const jurisdiction of all) {
    if (jurisdiction.parentId === null) continue;
    byParent.set(jurisdiction.parentId, [...(byParent.get(jurisdiction.parentId) ?? []), jurisdiction]);
  }
  const own = all.find((jurisdiction) => jurisdiction.id === ownId);
  if (own === undefined) return [];
  const result: Jurisdiction[] = [];
  const visit = (jurisdiction: Jurisdiction) => {
    result.push(jurisdiction);
    for (const child of byParent.get(jurisdiction.id) ?? []) visit(child);
  };
  visit(own);
  return result;
}
