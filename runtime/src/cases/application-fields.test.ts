import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/index.ts';
import { applicationFields, checkKnownFields } from './application-fields.ts';

const dataSchema = { type: 'object', properties: { shopName: { type: 'string' }, area: { type: 'number' } } };

describe('applicationFields', () => {
  it('names the dataSchema’s properties, or the case data’s keys for a workflow without one', () => {
    expect(applicationFields({ dataSchema }, { other: 1 })).toEqual(['shopName', 'area']);
    expect(applicationFields({}, { other: 1, more: 2 })).toEqual(['other', 'more']);
  });
});

describe('checkKnownFields', () => {
  it('accepts data whose keys are all fields of the application', () => {
    expect(() => checkKnownFields({ shopName: '小店' }, ['shopName', 'area'], 'invalid-case-data')).not.toThrow();
    expect(() => checkKnownFields({}, [], 'invalid-case-data')).not.toThrow();
  });

  it('refuses the first key that is not, naming it as data.<key> under the code given', () => {
    let refusal: unknown;
    try {
      checkKnownFields({ shopName: '小店', isAdmin: true, extra: 1 }, ['shopName', 'area'], 'invalid-case-data');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InvalidInputError);
    expect(refusal).toMatchObject({ code: 'invalid-case-data', details: { field: 'data.isAdmin', reason: 'unknown-field' } });
    expect((refusal as Error).message).toBe("The application has no field 'isAdmin'; it has 'shopName', 'area'");
  });
});
