import { dataSchemaFields, type WorkflowDefinition } from '../definition/index.ts';

/** Where a name a condition may read comes from. */
export type ConditionNameSource = 'application' | 'task';

/** One name a condition may read, with the node whose form writes it (for task fields). */
export interface ConditionName {
  name: string;
  source: ConditionNameSource;
  /** The userTask whose form writes it, for `task` names. */
  nodeId?: string;
  /** The field's label: the dataSchema property's `title` or the form field's `label`. */
  label?: string;
}

/** The names a condition leaving one node may read, and whether more may exist. */
export interface ConditionScope {
  /** The application's fields (the dataSchema's properties), then the form fields of the userTasks upstream. */
  names: ConditionName[];
  /**
   * Whether the case data there is only partly known: the definition has no dataSchema, or a
   * serviceTask or callActivity upstream merges data its definition does not name.
   */
  open: boolean;
  /** The serviceTasks and callActivities upstream, whose answers merge data no definition names. */
  openSources: string[];
}

function schemaTitle(definition: WorkflowDefinition, key: string): string | undefined {
  const properties = (definition.dataSchema as { properties?: Record<string, { title?: unknown }> } | undefined)?.properties;
  const title = properties?.[key]?.title;
  return typeof title === 'string' ? title : undefined;
}

/**
 * The case-data names a condition on an edge leaving `nodeId` can read: the application form's
 * fields, and the form fields of every userTask from which `nodeId` can be reached (its upstream
 * tasks), each name once, application first, then tasks in definition order.
 *
 * Pure: performs no I/O.
 */
export function conditionScope(definition: WorkflowDefinition, nodeId: string): ConditionScope {
  const incoming = new Map<string, string[]>();
  for (const edge of definition.edges) {
    const sources = incoming.get(edge.target) ?? [];
    sources.push(edge.source);
    incoming.set(edge.target, sources);
  }
  const upstream = new Set<string>();
  const queue = [...(incoming.get(nodeId) ?? [])];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (upstream.has(id)) continue;
    upstream.add(id);
    queue.push(...(incoming.get(id) ?? []));
  }
  const names: ConditionName[] = [];
  const seen = new Set<string>();
  for (const name of dataSchemaFields(definition)) {
    seen.add(name);
    const label = schemaTitle(definition, name);
    names.push(label === undefined ? { name, source: 'application' } : { name, source: 'application', label });
  }
  const openSources: string[] = [];
  for (const node of definition.nodes) {
    if (!upstream.has(node.id)) continue;
    if (node.type === 'serviceTask' || node.type === 'callActivity') openSources.push(node.id);
    if (node.type !== 'userTask') continue;
    for (const field of node.form) {
      if (seen.has(field.key)) continue;
      seen.add(field.key);
      names.push({ name: field.key, source: 'task', nodeId: node.id, label: field.label });
    }
  }
  return { names, open: definition.dataSchema === undefined || openSources.length > 0, openSources };
}

/** Edit distance of two names (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Up to `limit` of `known` nearest to `name`, nearest first: those within a third of the longer
 * name's length (at least 2 edits), or differing only in letter case.
 *
 * Pure: performs no I/O.
 */
export function nearestNames(name: string, known: readonly string[], limit = 3): string[] {
  return known
    .map((candidate) => ({ candidate, score: candidate.toLowerCase() === name.toLowerCase() ? 0 : distance(name, candidate) }))
    .filter(({ candidate, score }) => score <= Math.max(2, Math.floor(Math.max(name.length, candidate.length) / 3)))
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
