import { describe, expect, it } from 'vitest';
import { checkCaseData } from './check-case-data.ts';

const schema = {
  type: 'object',
  required: ['name', 'seats'],
  properties: { name: { type: 'string' }, seats: { type: 'integer' }, kind: { type: 'string', enum: ['a', 'b'] } },
};

describe('checkCaseData', () => {
  it('accepts data that fits the top level of the schema', () => {
    expect(() => checkCaseData(schema, { name: 'x', seats: 3, kind: 'a', extra: true })).not.toThrow();
    expect(() => checkCaseData(undefined, {})).not.toThrow();
  });

  it('names the missing, mistyped or out-of-enum field', () => {
    expect(() => checkCaseData(schema, { name: 'x' })).toThrow(expect.objectContaining({ details: { field: 'data.seats', reason: 'required' } }));
    expect(() => checkCaseData(schema, { name: 'x', seats: 2.5 })).toThrow(expect.objectContaining({ details: { field: 'data.seats', reason: 'type' } }));
    expect(() => checkCaseData(schema, { name: 'x', seats: 2, kind: 'c' })).toThrow(expect.objectContaining({ details: { field: 'data.kind', reason: 'enum' } }));
  });
});
