import { schemaFields, type SchemaFieldKind } from '../../intake/schema-fields.ts';

/** One option of a choice field: the stored value and the label the applicant sees. */
export interface ApplicationOption {
  value: string;
  label: string;
}

/**
 * One field of the application form (a top-level property of the definition's `dataSchema`), as
 * the form designer edits it. `kind: 'other'` is a property of a shape the designer does not edit
 * (an object, a list of free values): it keeps its place and its schema untouched.
 */
export interface ApplicationField {
  key: string;
  kind: SchemaFieldKind | 'other';
  title: string;
  help: string;
  required: boolean;
  options: ApplicationOption[];
  /** The property's schema as it was read: its other keywords (bounds, pattern, format) are kept. */
  schema: Record<string, unknown>;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords the form designer writes itself; every other keyword of a property is kept. */
const MANAGED = ['type', 'title', 'description', 'enum', 'oneOf', 'anyOf', 'items', 'x-enumLabels'];

/**
 * The fields of the application form of `dataSchema`, in the order of its `properties`. Pure.
 */
export function applicationFields(dataSchema: Readonly<JsonObject> | undefined): ApplicationField[] {
  const properties = isObject(dataSchema?.properties) ? dataSchema.properties : {};
  const read = new Map(schemaFields(dataSchema).map((field) => [field.key, field]));
  const required = new Set(Array.isArray(dataSchema?.required) ? dataSchema.required : []);
  return Object.entries(properties).map(([key, property]) => {
    const schema = isObject(property) ? property : {};
    const field = read.get(key);
    return {
      key,
      kind: field?.kind ?? 'other',
      title: field?.label ?? (typeof schema.title === 'string' ? schema.title : key),
      help: typeof schema.description === 'string' ? schema.description : '',
      required: required.has(key),
      options: (field?.options ?? []).map((option) => ({ value: String(option.value), label: option.label })),
      schema,
    };
  });
}

function choices(options: readonly ApplicationOption[]): JsonObject {
  return {
    type: 'string',
    enum: options.map((option) => option.value),
    'x-enumLabels': Object.fromEntries(options.map((option) => [option.value, option.label])),
  };
}

function propertyOf(field: ApplicationField): JsonObject {
  if (field.kind === 'other') return field.schema;
  const kept = Object.fromEntries(Object.entries(field.schema).filter(([keyword]) => !MANAGED.includes(keyword)));
  const typed: JsonObject =
    field.kind === 'select'
      ? choices(field.options)
      : field.kind === 'multiSelect'
        ? { type: 'array', items: choices(field.options) }
        : { type: field.kind === 'text' ? 'string' : field.kind };
  return { ...kept, ...typed, title: field.title, ...(field.help.trim() === '' ? {} : { description: field.help }) };
}

/**
 * The `dataSchema` holding `fields` in their order: each field's property (text → string, select
 * → an `enum` with `x-enumLabels`, multiSelect → an array of such), `required` in field order, and
 * every other keyword of `previous` (and of each field's property) kept. Pure.
 */
export function withApplicationFields(previous: Readonly<JsonObject> | undefined, fields: readonly ApplicationField[]): JsonObject {
  const { properties: _properties, required: _required, ...rest } = previous ?? {};
  const required = fields.filter((field) => field.required).map((field) => field.key);
  return {
    type: 'object',
    ...rest,
    properties: Object.fromEntries(fields.map((field) => [field.key, propertyOf(field)])),
    ...(required.length > 0 ? { required } : {}),
  };
}

/** `field1`, `field2`, …: the first key no field has. */
export function nextApplicationKey(fields: readonly ApplicationField[]): string {
  const taken = new Set(fields.map((field) => field.key));
  for (let n = fields.length + 1; ; n += 1) {
    if (!taken.has(`field${n}`)) return `field${n}`;
  }
}

/** `fields` with the one at `index` moved by `by` places (−1 up, +1 down); unchanged at either end. Pure. */
export function moveField<T>(fields: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= fields.length) return [...fields];
  const moved = [...fields];
  const [field] = moved.splice(index, 1) as [T];
  moved.splice(target, 0, field);
  return moved;
}
