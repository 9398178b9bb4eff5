/** How one property of a `dataSchema` is entered. */
export type SchemaFieldKind = 'text' | 'number' | 'integer' | 'boolean' | 'select' | 'multiSelect';

/** A value of an enum with the label to show for it. */
export interface SchemaOption {
  value: string | number;
  label: string;
}

/**
 * One input of an application form, read from a top-level property of a JSON Schema. What the
 * value must be is not copied here: the form checks the whole application with the engine's
 * validator (`applicationValidator`), the one the server checks filings with.
 */
export interface SchemaField {
  key: string;
  kind: SchemaFieldKind;
  /** The property's `title`, else its key. */
  label: string;
  /** The property's `description`, shown as help. */
  description?: string;
  required: boolean;
  /** The choices of `select` and `multiSelect`. */
  options?: SchemaOption[];
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The labels of the enum values of a property (or of its `items`): `oneOf`/`anyOf` entries of
 * `{ const, title }`, then the annotation `x-enumLabels` (`{ value: label }`); the value itself when
 * neither names it. Empty when the property is not an enum. Pure.
 */
export function schemaOptions(property: unknown): SchemaOption[] {
  if (!isObject(property)) return [];
  const labels = isObject(property['x-enumLabels']) ? property['x-enumLabels'] : {};
  const label = (value: string | number) => {
    const named = labels[String(value)];
    return typeof named === 'string' ? named : String(value);
  };
  const choices = Array.isArray(property.oneOf) ? property.oneOf : Array.isArray(property.anyOf) ? property.anyOf : undefined;
  if (choices !== undefined && choices.every((choice) => isObject(choice) && (typeof choice.const === 'string' || typeof choice.const === 'number'))) {
    return (choices as JsonObject[]).map((choice) => {
      const value = choice.const as string | number;
      return { value, label: typeof choice.title === 'string' ? choice.title : label(value) };
    });
  }
  if (Array.isArray(property.enum)) {
    return property.enum.filter((value): value is string | number => typeof value === 'string' || typeof value === 'number').map((value) => ({ value, label: label(value) }));
  }
  return [];
}

/**
 * The label of `value` of property `key` in `dataSchema` (for an array property, of its items),
 * or null when the schema names none. Pure.
 */
export function enumLabel(dataSchema: Readonly<Record<string, unknown>> | undefined, key: string, value: unknown): string | null {
  const property = isObject(dataSchema?.properties) ? dataSchema.properties[key] : undefined;
  if (!isObject(property)) return null;
  const options = schemaOptions(property.type === 'array' ? property.items : property);
  const found = options.find((option) => option.value === value);
  return found !== undefined && found.label !== String(value) ? found.label : null;
}

function kindOf(property: JsonObject, options: SchemaOption[]): SchemaFieldKind | null {
  if (property.type === 'array') return schemaOptions(property.items).length > 0 ? 'multiSelect' : null;
  if (options.length > 0) return 'select';
  switch (property.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    default:
      return null;
  }
}

/**
 * The inputs of an application form from a definition's `dataSchema`: one per top-level property
 * of type string, number, integer or boolean, enum (`select`) or array of enum (`multiSelect`), in
 * the order of `properties`; properties of other shapes are left out. Pure.
 */
export function schemaFields(dataSchema: Readonly<Record<string, unknown>> | undefined): SchemaField[] {
  if (dataSchema === undefined || !isObject(dataSchema.properties)) return [];
  const required = new Set(Array.isArray(dataSchema.required) ? dataSchema.required.filter((key) => typeof key === 'string') : []);
  const fields: SchemaField[] = [];
  for (const [key, property] of Object.entries(dataSchema.properties)) {
    if (!isObject(property)) continue;
    const options = schemaOptions(property.type === 'array' ? property.items : property);
    const kind = kindOf(property, options);
    if (kind === null) continue;
    const field: SchemaField = { key, kind, label: typeof property.title === 'string' ? property.title : key, required: required.has(key) };
    if (typeof property.description === 'string') field.description = property.description;
    if (options.length > 0) field.options = options;
    fields.push(field);
  }
  return fields;
}

/** The top-level key of an application field path `data.<key>…` (also `body.data.<key>…`), or null. Pure. */
export function dataKey(path: string): string | null {
  const match = /^(?:body\.)?data\.([^.[]+)/.exec(path);
  return match?.[1] ?? null;
}

/**
 * The application fields a 400 answer names, by key, with the message to show: each issue of
 * `details.issues` whose path is `data.<key>…` (the case-data check's `{ field, message }`, the
 * body check's `{ in: 'body', path, message }`), else `details.field` with `message`. Pure.
 */
export function fieldErrors(details: unknown, message: string): Map<string, string> {
  const errors = new Map<string, string>();
  if (!isObject(details)) return errors;
  const issues = Array.isArray(details.issues) ? details.issues.filter(isObject) : [];
  for (const issue of issues) {
    const path = typeof issue.field === 'string' ? issue.field : issue.in === 'body' && typeof issue.path === 'string' ? `body.${issue.path}` : '';
    const key = dataKey(path);
    if (key !== null && !errors.has(key)) errors.set(key, typeof issue.message === 'string' ? issue.message : message);
  }
  const key = typeof details.field === 'string' ? dataKey(details.field) : null;
  if (key !== null && !errors.has(key)) errors.set(key, message);
  return errors;
}

/** The value of one input of a {@link SchemaField}, as the Ant Design inputs hold it. */
export type SchemaInputValue = string | number | boolean | (string | number)[] | null | undefined;

/**
 * The application data of the filled form: one entry per field with a value, text trimmed, empty
 * text and empty lists left out. Pure.
 */
export function fromSchemaValues(fields: readonly SchemaField[], values: Readonly<Record<string, SchemaInputValue>>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      const text = field.kind === 'select' ? value : value.trim();
      if (text !== '') data[field.key] = text;
    } else if (Array.isArray(value)) {
      if (value.length > 0) data[field.key] = [...value];
    } else {
      data[field.key] = value;
    }
  }
  return data;
}
