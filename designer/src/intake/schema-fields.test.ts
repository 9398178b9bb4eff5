import { describe, expect, it } from 'vitest';
import applicationSchema from '../../test/fixtures/application-schema.json' with { type: 'json' };
import { enumLabel, fieldErrors, fromSchemaValues, schemaFields } from './schema-fields.ts';

describe('schemaFields', () => {
  const fields = schemaFields(applicationSchema);

  it('maps each property of a known shape onto one field, in order, leaving objects out', () => {
    expect(fields.map((field) => [field.key, field.kind])).toEqual([
      ['businessName', 'text'],
      ['contactPhone', 'text'],
      ['area', 'number'],
      ['seats', 'integer'],
      ['foodBusinessItems', 'multiSelect'],
      ['outdoorSign', 'boolean'],
      ['licenceKind', 'select'],
      ['note', 'text'],
    ]);
  });

  it('labels fields by title, else by key, and keeps the description and whether it is required', () => {
    const byKey = new Map(fields.map((field) => [field.key, field]));
    expect(byKey.get('businessName')).toEqual({ key: 'businessName', kind: 'text', label: '店铺名称', description: '与营业执照一致', required: true });
    expect(byKey.get('note')).toMatchObject({ label: 'note', required: false });
  });

  it('labels enum values from x-enumLabels and from oneOf const titles', () => {
    const byKey = new Map(fields.map((field) => [field.key, field]));
    expect(byKey.get('foodBusinessItems')?.options).toEqual([
      { value: 'hotFood', label: '热食类食品制售' },
      { value: 'coldFood', label: '冷食类食品制售' },
    ]);
    expect(byKey.get('licenceKind')?.options).toEqual([
      { value: 'new', label: '新办' },
      { value: 'renew', label: '延续' },
    ]);
  });

  it('reads nothing from a missing schema', () => {
    expect(schemaFields(undefined)).toEqual([]);
  });
});

describe('enumLabel', () => {
  it('names the value of an enum property or of an array of enum, and gives null when unnamed', () => {
    expect(enumLabel(applicationSchema, 'foodBusinessItems', 'hotFood')).toBe('热食类食品制售');
    expect(enumLabel(applicationSchema, 'licenceKind', 'renew')).toBe('延续');
    expect(enumLabel(applicationSchema, 'licenceKind', 'other')).toBeNull();
    expect(enumLabel(applicationSchema, 'businessName', 'x')).toBeNull();
  });
});

describe('fromSchemaValues', () => {
  it('trims text and leaves out empty text and empty lists', () => {
    const fields = schemaFields(applicationSchema);
    expect(fromSchemaValues(fields, { businessName: '  老字号  ', note: ' ', foodBusinessItems: [], seats: 0, outdoorSign: false })).toEqual({
      businessName: '老字号',
      seats: 0,
      outdoorSign: false,
    });
  });
});

describe('fieldErrors', () => {
  it('names the data fields of a 400 from its issues and from details.field', () => {
    const invalidInput = {
      field: 'body.data.seats',
      issues: [
        { in: 'body', path: 'data.seats', code: 'invalid_type', message: 'Expected number' },
        { in: 'body', path: 'applicant.name', code: 'too_small', message: 'Too short' },
      ],
    };
    expect([...fieldErrors(invalidInput, 'Invalid body.data.seats')]).toEqual([['seats', 'Expected number']]);
    expect([...fieldErrors({ field: 'data.area', reason: 'type' }, "Field 'area' must be a number")]).toEqual([['area', "Field 'area' must be a number"]]);
    const invalidCaseData = {
      field: 'data.contactPhone',
      reason: 'pattern',
      issues: [
        { field: 'data.contactPhone', reason: 'pattern', message: 'must match pattern "^1[3-9][0-9]{9}$"' },
        { field: 'data.foodBusinessItems[0]', reason: 'enum', message: 'must be equal to one of the allowed values' },
      ],
    };
    expect([...fieldErrors(invalidCaseData, 'Application data is invalid')]).toEqual([
      ['contactPhone', 'must match pattern "^1[3-9][0-9]{9}$"'],
      ['foodBusinessItems', 'must be equal to one of the allowed values'],
    ]);
    expect(fieldErrors({ field: 'definitionKey' }, 'x').size).toBe(0);
  });
});
