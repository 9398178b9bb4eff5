import { describe, expect, it } from 'vitest';
import { shippedWorkflows } from '../../test/fidelity/shipped-workflows.ts';
import { checkDataSchema, inspectDataSchema, MAX_DATA_SCHEMA_DIAGNOSTICS } from './check-data-schema.ts';
import {
  MAX_DATA_SCHEMA_BYTES,
  MAX_DATA_SCHEMA_DEPTH,
  MAX_DATA_SCHEMA_NODES,
  MAX_DATA_SCHEMA_PROPERTIES,
  MAX_ENUM_VALUES,
  MAX_PATTERN_LENGTH,
  MAX_PATTERN_PROPERTIES,
  MAX_STRING_LENGTH,
  MAX_UNIQUE_ITEMS_COMPARED,
} from './data-schema-limits.ts';

/** A form with one property `field` described by `property`. */
const form = (property: unknown, field = 'name'): Record<string, unknown> => ({ type: 'object', properties: { [field]: property } });

/** The code and field of each diagnostic of `schema`. */
const found = (schema: Record<string, unknown>) => checkDataSchema(schema).map(({ code, field }) => ({ code, field }));

describe('checkDataSchema', () => {
  it('finds nothing wrong with the data schema of every shipped workflow', () => {
    for (const { key, definition } of shippedWorkflows()) {
      expect(checkDataSchema(definition.dataSchema as Record<string, unknown>), key).toEqual([]);
    }
  });

  it('accepts every keyword of the subset, draft-07 named as the dialect, and x- annotations', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $comment: 'the whole subset',
      type: 'object',
      title: '申请表',
      required: ['name'],
      minProperties: 1,
      maxProperties: 20,
      additionalProperties: false,
      propertyNames: { pattern: '^[a-zA-Z]+$' },
      patternProperties: { '^x[A-Z]': { type: 'string' } },
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 50, pattern: '^\\p{Script=Han}{2,20}$', default: '', examples: ['张三'] },
        birthDate: { type: 'string', format: 'date', readOnly: false, writeOnly: false },
        area: { type: 'number', exclusiveMinimum: 0, maximum: 100_000, multipleOf: 0.01 },
        seats: { type: 'integer', minimum: 0, exclusiveMaximum: 10_000 },
        items: { type: 'array', items: { enum: ['a', 'b'] }, minItems: 1, maxItems: 2, uniqueItems: true, contains: { const: 'a' } },
        kind: { oneOf: [{ const: 'shop', title: '店铺' }, { const: 'stall', title: '摊位' }], 'x-enumLabels': { shop: '店铺' } },
        sign: { type: 'boolean' },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }], not: { const: 'n/a' } },
      },
      allOf: [{ if: { properties: { sign: { const: true } } }, then: { required: ['note'] }, else: true }],
    };
    expect(checkDataSchema(schema)).toEqual([]);
  });

  it('accepts a catastrophic-backtracking pattern, which RE2 runs in linear time', () => {
    expect(checkDataSchema(form({ type: 'string', pattern: '^(a+)+$' }))).toEqual([]);
  });

  it('refuses references, local ones included, and the definitions they would name', () => {
    expect(found(form({ $ref: 'https://example.org/address.json' }, 'address'))).toEqual([
      { code: 'data-schema-keyword-not-supported', field: 'dataSchema.properties.address.$ref' },
    ]);
    const local = { type: 'object', $defs: { phone: { type: 'string' } }, properties: { phone: { $ref: '#/$defs/phone' } } };
    expect(found(local)).toEqual([
      { code: 'data-schema-keyword-not-supported', field: 'dataSchema.$defs' },
      { code: 'data-schema-keyword-not-supported', field: 'dataSchema.properties.phone.$ref' },
    ]);
  });

  it('refuses keywords outside the subset, naming the keyword a typo meant', () => {
    const diagnostics = checkDataSchema(form({ type: 'string', maxlength: 5, dependentRequired: {} }));
    expect(diagnostics.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: 'data-schema-keyword-not-supported', field: 'dataSchema.properties.name.maxlength' },
      { code: 'data-schema-keyword-not-supported', field: 'dataSchema.properties.name.dependentRequired' },
    ]);
    expect(diagnostics[0]?.message).toContain("did you mean 'maxLength'?");
    expect(found(form({ type: 'array', items: [{ type: 'string' }] }))).toEqual([{ code: 'data-schema-keyword-not-supported', field: 'dataSchema.properties.name.items' }]);
  });

  it('refuses a dialect other than draft-07, and a dialect named below the root', () => {
    expect(found({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' })).toEqual([
      { code: 'data-schema-keyword-not-supported', field: 'dataSchema.$schema' },
    ]);
    expect(found(form({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'string' }))).toEqual([
      { code: 'data-schema-keyword-not-supported', field: 'dataSchema.properties.name.$schema' },
    ]);
  });

  it('refuses formats it does not check', () => {
    expect(found(form({ type: 'string', format: 'regex' }))).toEqual([{ code: 'data-schema-format-not-supported', field: 'dataSchema.properties.name.format' }]);
  });

  it('refuses patterns RE2 cannot run, and patterns that are no ECMA-262 regular expression', () => {
    for (const pattern of ['^(?=a)a$', '(?<!a)b', '^(a)\\1$', 'a{1001}', '^\\p{Han}+$', '(?i)abc', '[']) {
      expect(found(form({ type: 'string', pattern })), pattern).toEqual([{ code: 'data-schema-pattern-not-supported', field: 'dataSchema.properties.name.pattern' }]);
    }
    expect(found({ type: 'object', patternProperties: { '^(?=x)': { type: 'string' } } })).toEqual([
      { code: 'data-schema-pattern-not-supported', field: 'dataSchema.patternProperties["^(?=x)"]' },
    ]);
  });

  it('refuses a schema over each size limit, naming where', () => {
    const deep = Array.from({ length: MAX_DATA_SCHEMA_DEPTH }).reduce<Record<string, unknown>>((inner) => ({ not: inner }), { type: 'string' });
    expect(found(deep)[0]?.code).toBe('data-schema-too-large');
    expect(found({ type: 'object', description: 'x'.repeat(MAX_DATA_SCHEMA_BYTES) })).toEqual([{ code: 'data-schema-too-large', field: 'dataSchema' }]);
    const many = { anyOf: Array.from({ length: MAX_DATA_SCHEMA_NODES }, () => ({ type: 'string' })) };
    expect(found(many)).toEqual([{ code: 'data-schema-too-large', field: `dataSchema.anyOf[${MAX_DATA_SCHEMA_NODES - 1}]` }]);
    const properties = Object.fromEntries(Array.from({ length: MAX_DATA_SCHEMA_PROPERTIES + 1 }, (_, index) => [`p${index}`, true]));
    expect(found({ type: 'object', properties })).toEqual([{ code: 'data-schema-too-large', field: 'dataSchema.properties' }]);
    expect(found(form({ enum: Array.from({ length: MAX_ENUM_VALUES + 1 }, (_, index) => index) }))).toEqual([
      { code: 'data-schema-too-large', field: 'dataSchema.properties.name.enum' },
    ]);
    expect(found(form({ type: 'string', pattern: 'a'.repeat(MAX_PATTERN_LENGTH + 1) }))).toEqual([{ code: 'data-schema-too-large', field: 'dataSchema.properties.name.pattern' }]);
    const patterns = Object.fromEntries(Array.from({ length: MAX_PATTERN_PROPERTIES + 1 }, (_, index) => [`^p${index}$`, true]));
    expect(found({ type: 'object', patternProperties: patterns })).toEqual([{ code: 'data-schema-too-large', field: 'dataSchema.patternProperties' }]);
  });

  it('refuses bounds a form cannot use, and bounds no value can meet', () => {
    expect(found(form({ type: 'string', maxLength: MAX_STRING_LENGTH + 1 }))).toEqual([{ code: 'data-schema-bound-out-of-range', field: 'dataSchema.properties.name.maxLength' }]);
    expect(found(form({ type: 'number', maximum: 2 ** 60 }))).toEqual([{ code: 'data-schema-bound-out-of-range', field: 'dataSchema.properties.name.maximum' }]);
    expect(found(form({ type: 'integer', minimum: 5, maximum: 4 }))).toEqual([{ code: 'data-schema-bound-out-of-range', field: 'dataSchema.properties.name.minimum' }]);
    expect(found(form({ type: 'integer', exclusiveMinimum: 4, exclusiveMaximum: 4 }))).toEqual([
      { code: 'data-schema-bound-out-of-range', field: 'dataSchema.properties.name.exclusiveMinimum' },
    ]);
    expect(found(form({ type: 'array', minItems: 3, maxItems: 2 }))).toEqual([{ code: 'data-schema-bound-out-of-range', field: 'dataSchema.properties.name.minItems' }]);
  });

  it('lets uniqueItems compare whole items only up to a bounded count', () => {
    expect(found(form({ type: 'array', items: { type: 'string' }, uniqueItems: true }))).toEqual([]);
    expect(found(form({ type: 'array', items: { type: 'object' }, uniqueItems: true, maxItems: MAX_UNIQUE_ITEMS_COMPARED }))).toEqual([]);
    expect(found(form({ type: 'array', items: { type: 'object' }, uniqueItems: true }))).toEqual([
      { code: 'data-schema-bound-out-of-range', field: 'dataSchema.properties.name.uniqueItems' },
    ]);
  });

  it('reports what the draft-07 meta-schema refuses at the path of the value', () => {
    expect(found(form({ type: 'text' }))).toContainEqual({ code: 'invalid-data-schema', field: 'dataSchema.properties.name.type' });
    expect(found({ type: 'object', required: 'name' })).toEqual([{ code: 'invalid-data-schema', field: 'dataSchema.required' }]);
  });

  it('quotes property names that are not plain words in the field path', () => {
    expect(found(form({ type: 'string', format: 'phone' }, 'e-mail'))).toEqual([
      { code: 'data-schema-format-not-supported', field: 'dataSchema.properties["e-mail"].format' },
    ]);
    expect(found(form({ type: 'string', format: 'phone' }, '联系电话'))).toEqual([
      { code: 'data-schema-format-not-supported', field: 'dataSchema.properties.联系电话.format' },
    ]);
  });

  it(`reports at most ${MAX_DATA_SCHEMA_DIAGNOSTICS} findings of one schema`, () => {
    const properties = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`p${index}`, { type: 'string', format: 'phone' }]));
    expect(checkDataSchema({ type: 'object', properties })).toHaveLength(MAX_DATA_SCHEMA_DIAGNOSTICS);
  });

  it('never throws, whatever the values hold', () => {
    const odd = { type: 'object', properties: 7, patternProperties: [], allOf: {}, items: null, pattern: 3, format: {}, enum: 'x', minLength: 'a' };
    expect(() => checkDataSchema(odd)).not.toThrow();
    expect(checkDataSchema(odd).every((diagnostic) => diagnostic.severity === 'error')).toBe(true);
  });

  it('checks and compiles an equal schema in a new object once, as parseDefinition copies it on every edit', () => {
    const schema = form({ type: 'string', pattern: '^[0-9]{6}$' });
    expect(inspectDataSchema(structuredClone(schema))).toBe(inspectDataSchema(schema));
    expect(inspectDataSchema(form({ type: 'string', pattern: '^[0-9]{7}$' }))).not.toBe(inspectDataSchema(schema));
  });
});
