import type { FormField, WorkflowDefinition } from '@tongban/engine';
import type { TaskView } from '../api/api.types.ts';
import { enumLabel } from '../intake/schema-fields.ts';

/** One labelled value of case data, ready to show. */
export interface DataEntry {
  key: string;
  label: string;
  value: string;
}

/** Words for values that are not text. */
export interface ValueWords {
  yes: string;
  no: string;
}

/**
 * A value as text: yes/no for booleans, a select's option label, lists joined with `、`,
 * objects as JSON. Pure.
 */
export function describeValue(value: unknown, words: ValueWords, field?: FormField): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') return field?.options?.find((option) => option.value === value)?.label ?? value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((item) => describeValue(item, words, field)).join('、');
  return JSON.stringify(value);
}

function schemaProperties(definition: WorkflowDefinition | undefined): Record<string, { title?: unknown }> {
  const properties = (definition?.dataSchema as { properties?: unknown } | undefined)?.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, { title?: unknown }>) : {};
}

function formFieldsByKey(definition: WorkflowDefinition | undefined): Map<string, FormField> {
  const fields = new Map<string, FormField>();
  for (const node of definition?.nodes ?? []) {
    if (node.type === 'userTask') for (const field of node.form) fields.set(field.key, field);
  }
  return fields;
}

/**
 * The application as filed: the case data keys the definition's `dataSchema` describes (labelled
 * by their `title`, enum values by the labels the schema gives them), or, without a schema, every
 * key no task form writes. Pure.
 */
export function applicationEntries(definition: WorkflowDefinition | undefined, data: Readonly<Record<string, unknown>>, words: ValueWords): DataEntry[] {
  const properties = schemaProperties(definition);
  const described = Object.keys(properties);
  const written = formFieldsByKey(definition);
  const keys = described.length > 0 ? described.filter((key) => key in data) : Object.keys(data).filter((key) => !written.has(key));
  const schema = definition?.dataSchema;
  const named = (key: string, value: unknown) => enumLabel(schema, key, value) ?? value;
  return keys.map((key) => {
    const title = properties[key]?.title;
    const value = data[key];
    const shown = Array.isArray(value) ? value.map((item) => named(key, item)) : named(key, value);
    return { key, label: typeof title === 'string' ? title : key, value: describeValue(shown, words) };
  });
}

/** What one department recorded when it decided a task. */
export interface RecordedSection {
  task: TaskView;
  entries: DataEntry[];
}

/**
 * What each decided task recorded, oldest first: the values of its form fields, labelled as the
 * task's form labels them (select values by their option label). Tasks that recorded nothing and
 * have no comment are left out. Pure.
 */
export function recordedSections(definition: WorkflowDefinition | undefined, tasks: readonly TaskView[], words: ValueWords): RecordedSection[] {
  return tasks
    .filter((task) => task.status === 'completed' || task.status === 'closed')
    .map((task) => {
      const node = definition?.nodes.find((candidate) => candidate.id === task.nodeId);
      const form = node?.type === 'userTask' ? node.form : [];
      const data = task.data ?? {};
      const entries = Object.entries(data)
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([key, value]) => {
          const field = form.find((candidate) => candidate.key === key);
          return { key, label: field?.label ?? key, value: describeValue(value, words, field) };
        });
      return { task, entries };
    })
    .filter((section) => section.entries.length > 0 || (section.task.comment ?? '') !== '' || section.task.outcome !== null);
}
