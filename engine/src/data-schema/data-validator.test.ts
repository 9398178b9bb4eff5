import { describe, expect, it } from 'vitest';
import { UnsupportedDataSchemaError } from '../errors/unsupported-data-schema.error.ts';
import { shippedWorkflows } from '../../test/fidelity/shipped-workflows.ts';
import { MAX_DATA_ISSUES } from './data-schema-limits.ts';
import { SUPPORTED_FORMATS } from './data-schema-keywords.ts';
import { dataValidatorOf } from './data-validator.ts';

const schema = {
  type: 'object',
  required: ['name', 'seats'],
  properties: {
    name: { type: 'string', minLength: 1, pattern: '^\\p{Script=Han}{2,20}$' },
    seats: { type: 'integer', minimum: 0 },
    items: { type: 'array', minItems: 1, items: { enum: ['hotFood', 'coldFood'] } },
  },
};

describe('dataValidatorOf', () => {
  it('accepts data that fits, and the data of every fixture of every shipped workflow', () => {
    expect(dataValidatorOf(schema)({ name: '张三', seats: 3, items: ['hotFood'], extra: true })).toEqual([]);
    for (const { key, definition, dataSets } of shippedWorkflows()) {
      const validate = dataValidatorOf(definition.dataSchema as Record<string, unknown>);
      for (const data of dataSets) expect(validate(data), key).toEqual([]);
    }
  });

  it('names each field at fault as data.<path>, with the keyword that refused it', () => {
    const issues = dataValidatorOf(schema)({ name: 'Zhang', seats: 2.5, items: ['pizza'] });
    expect(issues.map(({ field, reason }) => ({ field, reason }))).toEqual([
      { field: 'data.name', reason: 'pattern' },
      { field: 'data.seats', reason: 'type' },
      { field: 'data.items[0]', reason: 'enum' },
    ]);
    expect(dataValidatorOf(schema)({ name: '张三' })).toEqual([{ field: 'data.seats', reason: 'required', message: 'is required', params: { missingProperty: 'seats' } }]);
    expect(dataValidatorOf(schema)({ name: '', seats: 1 })[0]).toMatchObject({ field: 'data.name', reason: 'minLength', params: { limit: 1 } });
  });

  it('answers a hostile input to a catastrophic pattern, which RE2 matches in linear time', () => {
    const validate = dataValidatorOf({ type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } });
    expect(validate({ code: `${'a'.repeat(100_000)}!` })).toEqual([
      { field: 'data.code', reason: 'pattern', message: 'must match pattern "^(a+)+$"', params: { pattern: '^(a+)+$' } },
    ]);
    expect(validate({ code: 'a'.repeat(100_000) })).toEqual([]);
  });

  it('runs patternProperties with RE2 too', () => {
    const validate = dataValidatorOf({ type: 'object', patternProperties: { '^(x+)+y$': { type: 'number' } } });
    expect(validate({ xxy: 'not a number' })[0]).toMatchObject({ field: 'data.xxy', reason: 'type' });
    expect(validate({ [`${'x'.repeat(50_000)}z`]: 'not checked' })).toEqual([]);
  });

  it.each([
    ['date', '2026-02-28', '2026-02-30'],
    ['time', '09:30:00+08:00', '25:00:00+08:00'],
    ['date-time', '2026-03-02T09:00:00+08:00', '2026-03-02 09:00'],
    ['email', 'zhang.san@example.cn', 'zhang.san@'],
    ['uri', 'https://zwfw.sh.gov.cn/apply?id=1', 'not a uri'],
    ['uuid', '0f8fad5b-d9cb-469f-a165-70867728950e', '0f8fad5b-d9cb'],
  ])('checks format %s: accepts %s, refuses %s', (format, valid, invalid) => {
    const validate = dataValidatorOf({ type: 'object', properties: { value: { type: 'string', format } } });
    expect(validate({ value: valid })).toEqual([]);
    expect(validate({ value: invalid })[0]).toMatchObject({ field: 'data.value', reason: 'format', params: { format } });
  });

  it('covers every supported format in the test above', () => {
    expect([...SUPPORTED_FORMATS].sort()).toEqual(['date', 'date-time', 'email', 'time', 'uri', 'uuid']);
  });

  it(`reports at most ${MAX_DATA_ISSUES} issues`, () => {
    const validate = dataValidatorOf({ type: 'object', properties: { list: { type: 'array', items: { type: 'integer' } } } });
    expect(validate({ list: Array.from({ length: 200 }, () => 'x') })).toHaveLength(MAX_DATA_ISSUES);
  });

  it('refuses to check data against a schema outside the subset, with the diagnostics', () => {
    const refused = { type: 'object', properties: { code: { type: 'string', pattern: '^(?=a)' } } };
    expect(() => dataValidatorOf(refused)).toThrow(UnsupportedDataSchemaError);
    try {
      dataValidatorOf(refused);
    } catch (error) {
      expect((error as UnsupportedDataSchemaError).code).toBe('unsupported-data-schema');
      expect((error as UnsupportedDataSchemaError).diagnostics[0]).toMatchObject({ code: 'data-schema-pattern-not-supported', field: 'dataSchema.properties.code.pattern' });
    }
  });

  it('compiles a schema object once', () => {
    expect(dataValidatorOf(schema)).toBe(dataValidatorOf(schema));
  });
});
