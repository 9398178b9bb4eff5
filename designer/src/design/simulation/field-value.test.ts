import { describe, expect, it } from 'vitest';
import { allFormFields, fieldValue } from './field-value.ts';

describe('fieldValue', () => {
  it('reads numbers for number fields and leaves other text as it is', () => {
    expect(fieldValue({ type: 'number' }, '12.5')).toBe(12.5);
    expect(fieldValue({ type: 'number' }, 'twelve')).toBeUndefined();
    expect(fieldValue({ type: 'number' }, ' ')).toBeUndefined();
    expect(fieldValue({ type: 'text' }, '12')).toBe('12');
  });
});

describe('allFormFields', () => {
  it('collects the fields of every task once per key', () => {
    const fields = allFormFields([
      { type: 'startEvent' },
      { type: 'userTask', form: [{ key: 'area', type: 'number', label: 'Area', required: true }] },
      { type: 'userTask', form: [{ key: 'area', type: 'text', label: 'Again', required: false }, { key: 'ok', type: 'boolean', label: 'OK', required: false }] },
    ]);
    expect(fields.map((field) => `${field.key}:${field.type}`)).toEqual(['area:number', 'ok:boolean']);
  });
});
