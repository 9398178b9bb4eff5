import { describe, expect, it } from 'vitest';
import { applicationFields, moveField, withApplicationFields } from './application-form.ts';

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    applicantName: { type: 'string', title: '申请人', maxLength: 50 },
    seats: { type: 'integer', title: '座位数', description: '含室外座位', minimum: 0 },
    venueKind: { type: 'string', title: '场所类型', enum: ['shop', 'stall'], 'x-enumLabels': { shop: '门店', stall: '摊位' } },
    address: { type: 'object', properties: { street: { type: 'string' } } },
  },
  required: ['applicantName', 'venueKind'],
};

describe('application form fields', () => {
  it('reads every property in order, with labels, help, options and required', () => {
    const fields = applicationFields(schema);
    expect(fields.map((field) => [field.key, field.kind, field.title, field.required])).toEqual([
      ['applicantName', 'text', '申请人', true],
      ['seats', 'integer', '座位数', false],
      ['venueKind', 'select', '场所类型', true],
      ['address', 'other', 'address', false],
    ]);
    expect(fields[1]?.help).toBe('含室外座位');
    expect(fields[2]?.options).toEqual([
      { value: 'shop', label: '门店' },
      { value: 'stall', label: '摊位' },
    ]);
  });

  it('writes the schema back unchanged when nothing was edited', () => {
    expect(withApplicationFields(schema, applicationFields(schema))).toEqual(schema);
  });

  it('keeps a moved field in its new place, and the required list in field order', () => {
    const moved = moveField(applicationFields(schema), 2, -1);
    const written = withApplicationFields(schema, moved);
    expect(Object.keys(written.properties as object)).toEqual(['applicantName', 'venueKind', 'seats', 'address']);
    expect(written.required).toEqual(['applicantName', 'venueKind']);
    expect(JSON.parse(JSON.stringify(written)).properties.seats).toEqual(schema.properties.seats);
  });

  it('turns a field into a multiple choice with labelled options, keeping its other keywords', () => {
    const [name, ...rest] = applicationFields(schema);
    const edited = { ...name!, kind: 'multiSelect' as const, options: [{ value: 'a', label: '甲' }], help: '可多选' };
    const written = withApplicationFields(schema, [edited, ...rest]);
    expect((written.properties as Record<string, unknown>).applicantName).toEqual({
      maxLength: 50,
      type: 'array',
      items: { type: 'string', enum: ['a'], 'x-enumLabels': { a: '甲' } },
      title: '申请人',
      description: '可多选',
    });
  });

  it('leaves a move past either end as it was', () => {
    expect(moveField(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveField(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
