import { getWorkflow, workflowFixtures } from '@tongban/workflows';
import { describe, expect, it } from 'vitest';
import { checkCaseData } from './check-case-data.ts';

const schema = {
  type: 'object',
  required: ['name', 'seats'],
  properties: { name: { type: 'string' }, seats: { type: 'integer' }, kind: { type: 'string', enum: ['a', 'b'] } },
};

const restaurantSchema = getWorkflow('open-restaurant').dataSchema as Record<string, unknown>;

const restaurant = {
  applicantName: '王五',
  contactPhone: '13900000000',
  businessName: '外滩小馆',
  unifiedSocialCreditCode: '91310101MA1FL0XX0X',
  address: '中山东一路1号',
  area: 80,
  seats: 30,
  foodBusinessItems: ['hotFood'],
  publicGatheringVenue: false,
  outdoorSign: true,
  sellsTobacco: false,
};

function refusal(data: Record<string, unknown>, s: Record<string, unknown> = restaurantSchema): { message: string; details: { field: string; reason: string } } {
  try {
    checkCaseData(s, data);
  } catch (error) {
    return error as { message: string; details: { field: string; reason: string } };
  }
  throw new Error('the data was accepted');
}

describe('checkCaseData', () => {
  it('accepts data that fits the schema', () => {
    expect(() => checkCaseData(schema, { name: 'x', seats: 3, kind: 'a', extra: true })).not.toThrow();
    expect(() => checkCaseData(restaurantSchema, restaurant)).not.toThrow();
    expect(() => checkCaseData(undefined, {})).not.toThrow();
  });

  it('names the missing, mistyped or out-of-enum field', () => {
    expect(refusal({ name: 'x' }, schema).details).toMatchObject({ field: 'data.seats', reason: 'required' });
    expect(refusal({ name: 'x', seats: 2.5 }, schema).details).toMatchObject({ field: 'data.seats', reason: 'type' });
    expect(refusal({ name: 'x', seats: 2, kind: 'c' }, schema).details).toMatchObject({ field: 'data.kind', reason: 'enum' });
  });

  it('checks every JSON Schema keyword: exclusiveMinimum, enum of items, minItems, pattern, minLength', () => {
    expect(refusal({ ...restaurant, area: -5 }).details).toMatchObject({ field: 'data.area', reason: 'exclusiveMinimum' });
    expect(refusal({ ...restaurant, foodBusinessItems: ['pizza'] }).details).toMatchObject({ field: 'data.foodBusinessItems[0]', reason: 'enum' });
    expect(refusal({ ...restaurant, foodBusinessItems: [] }).details).toMatchObject({ field: 'data.foodBusinessItems', reason: 'minItems' });
    expect(refusal({ ...restaurant, contactPhone: 'abc' }).details).toMatchObject({ field: 'data.contactPhone', reason: 'pattern' });
    expect(refusal({ ...restaurant, applicantName: '' }).details).toMatchObject({ field: 'data.applicantName', reason: 'minLength' });
  });

  it('accepts the data of every shipped workflow fixture', () => {
    for (const fixture of workflowFixtures) {
      const schema = getWorkflow(fixture.workflow).dataSchema as Record<string, unknown>;
      expect(() => checkCaseData(schema, fixture.data), fixture.id).not.toThrow();
    }
  });

  it('answers a hostile input to a catastrophic pattern, run by RE2', () => {
    const catastrophic = { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } };
    expect(refusal({ code: `${'a'.repeat(50_000)}!` }, catastrophic).details).toMatchObject({ field: 'data.code', reason: 'pattern' });
  });

  it('refuses to check data against a schema outside the safe subset: 409 unsupported-data-schema', () => {
    const lookahead = { type: 'object', properties: { code: { type: 'string', pattern: '^(?=a)' } } };
    let error: unknown;
    try {
      checkCaseData(lookahead, { code: 'a' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ status: 409, code: 'unsupported-data-schema' });
    expect((error as { details: { diagnostics: { field: string }[] } }).details.diagnostics[0]?.field).toBe('dataSchema.properties.code.pattern');
  });

  it('names each failing field in the message', () => {
    const { message } = refusal({ ...restaurant, area: -5, contactPhone: 'abc' });
    expect(message).toContain('data.area must be > 0');
    expect(message).toContain('data.contactPhone must match pattern');
  });
});
