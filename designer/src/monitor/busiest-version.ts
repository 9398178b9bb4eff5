import type { MonitorHeat } from '../api/api.types.ts';
import { definitionRefKey, type DefinitionRef } from '../api/reference-queries.ts';

/** Open tasks of one workflow version in scope: the sum of its nodes' `active`. Pure. */
function openTasks(heat: MonitorHeat): number {
  return Object.values(heat.nodes).reduce((sum, figures) => sum + figures.active, 0);
}

/**
 * The workflow version the heatmap opens on: the one with the most open tasks in scope; on a tie
 * the latest version of `preferredKey` when it is among them, else the first of them; when no
 * version has an open task, the latest version of `preferredKey`, else the first of `latest`.
 * Null while some version's figures are missing from `heats` (by `key@version`), so the choice
 * does not jump once they arrive. Pure.
 */
export function busiestVersion(
  versions: readonly DefinitionRef[],
  heats: ReadonlyMap<string, MonitorHeat>,
  latest: readonly DefinitionRef[],
  preferredKey: string | undefined,
): DefinitionRef | null {
  const counted: { ref: DefinitionRef; open: number }[] = [];
  for (const ref of versions) {
    const heat = heats.get(definitionRefKey(ref));
    if (heat === undefined) return null;
    counted.push({ ref, open: openTasks(heat) });
  }
  const preferred = latest.find((ref) => ref.key === preferredKey);
  const most = Math.max(0, ...counted.map(({ open }) => open));
  if (most === 0) return preferred ?? latest[0] ?? null;
  const top = counted.filter(({ open }) => open === most).map(({ ref }) => ref);
  return top.find((ref) => preferred !== undefined && definitionRefKey(ref) === definitionRefKey(preferred)) ?? top[0] ?? null;
}
