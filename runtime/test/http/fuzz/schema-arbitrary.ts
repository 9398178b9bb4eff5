import fc from 'fast-check';

/** A JSON Schema as the OpenAPI document states a request body (the subset zod-openapi emits). */
export type JsonSchema = Record<string, any>;

/** Options of {@link schemaArbitrary}. */
export interface SchemaArbitraryOptions {
  /** The schema a `$ref` (`#/components/schemas/Name`) names. */
  resolve(ref: string): JsonSchema;
  /** Values the API accepts, by property name, mixed in so that some bodies get past validation and do something. */
  hints?: Readonly<Record<string, readonly unknown[]>>;
}

/** Longest string or array generated where the schema allows more: the mutations go past the bounds. */
const SMALL = 8;

const freeJson = (depth: number): fc.Arbitrary<unknown> => fc.jsonValue({ maxDepth: Math.max(0, 3 - depth) });

/**
 * A fast-check arbitrary of values valid against `schema` (or nearly: patterns, formats and
 * bounds are followed, cross-field refinements are not). Covers what zod-openapi emits for the
 * request bodies of the API: `$ref`, `anyOf`/`oneOf`, `enum`, `const`, string (`pattern`,
 * `format: date-time | uri`, length bounds), number and integer bounds, boolean, null, arrays,
 * objects with `properties`/`required` and free-form objects (`additionalProperties: {}`).
 */
export function schemaArbitrary(schema: JsonSchema, options: SchemaArbitraryOptions, name?: string, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return schemaArbitrary(options.resolve(schema.$ref), options, name, depth);
  const generated = plainArbitrary(schema, options, depth);
  const known = [...(name !== undefined ? (options.hints?.[name] ?? []) : []), ...(schema.example !== undefined ? [schema.example] : [])];
  return known.length === 0 ? generated : fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 2 }, { arbitrary: generated, weight: 1 });
}

function plainArbitrary(schema: JsonSchema, options: SchemaArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives)) return fc.oneof(...alternatives.map((part: JsonSchema) => schemaArbitrary(part, options, undefined, depth)));
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return schemaArbitrary(schema.allOf[0], options, undefined, depth);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const types: string[] = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length > 1) return fc.oneof(...types.map((type) => plainArbitrary({ ...schema, type }, options, depth)));
  switch (types[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: Math.ceil(lowest(schema, 1)), max: Math.floor(highest(schema, 1)) });
    case 'number':
      return fc.double({ min: lowest(schema, Number.EPSILON), max: highest(schema, Number.EPSILON), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? schemaArbitrary(schema.items, options, undefined, depth + 1) : freeJson(depth), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? SMALL, SMALL)),
      });
    case 'object':
      return objectArbitrary(schema, options, depth);
    default:
      return freeJson(depth);
  }
}

function lowest(schema: JsonSchema, step: number): number {
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + step;
  return typeof schema.minimum === 'number' ? schema.minimum : -1e6;
}

function highest(schema: JsonSchema, step: number): number {
  if (typeof schema.exclusiveMaximum === 'number') return schema.exclusiveMaximum - step;
  return typeof schema.maximum === 'number' ? schema.maximum : 1e6;
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  let base: fc.Arbitrary<string>;
  if (typeof schema.pattern === 'string') base = fc.stringMatching(new RegExp(schema.pattern));
  else if (schema.format === 'date-time') {
    base = fc
      .tuple(fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom('Z', '+08:00', '-05:00'))
      .map(([date, offset]) => date.toISOString().replace('Z', offset));
  } else if (schema.format === 'uri') base = fc.webUrl();
  else base = fc.oneof(fc.string({ minLength: min, maxLength: Math.min(max, SMALL * 4) }), fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, Math.min(max, SMALL)) }));
  return base.filter((text) => text.length >= min && text.length <= max);
}

function objectArbitrary(schema: JsonSchema, options: SchemaArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const names = Object.keys(properties);
  if (names.length === 0) {
    return fc.dictionary(fc.string({ maxLength: 12 }), freeJson(depth + 1), { maxKeys: Math.min(schema.maxProperties ?? SMALL, SMALL) });
  }
  const record = Object.fromEntries(names.map((key) => [key, schemaArbitrary(properties[key] as JsonSchema, options, key, depth + 1)]));
  return fc.record(record, { requiredKeys: (schema.required ?? []) as string[] });
}
