import { describe, expect, it } from 'vitest';
import applicationSchema from '../../test/fixtures/application-schema.json' with { type: 'json' };
import { intakeMessages } from './intake.messages.ts';
import { applicationValidator, issueMessage, issueOf } from './application-check.ts';
import { schemaFields, type SchemaField } from './schema-fields.ts';

const t = intakeMessages['zh-CN'];
const fields = new Map(schemaFields(applicationSchema).map((field) => [field.key, field]));
const field = (key: string) => fields.get(key) as SchemaField;
const valid = {
  businessName: '南京东路小馆',
  contactPhone: '13912345678',
  area: 85.5,
  seats: 40,
  foodBusinessItems: ['hotFood'],
  outdoorSign: false,
  licenceKind: 'new',
};

describe('applicationValidator', () => {
  const validate = applicationValidator(applicationSchema);

  it('accepts an application that fits, and names each field of one that does not, as the server does', () => {
    expect(validate?.(valid)).toEqual([]);
    const issues = validate?.({ ...valid, contactPhone: '12345', seats: 600, businessName: undefined }) ?? [];
    expect(issues.map(({ field, reason }) => ({ field, reason }))).toEqual([
      { field: 'data.businessName', reason: 'required' },
      { field: 'data.contactPhone', reason: 'pattern' },
      { field: 'data.seats', reason: 'maximum' },
    ]);
  });

  it('runs a catastrophic pattern with RE2, answering a hostile input', () => {
    const catastrophic = applicationValidator({ type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } });
    expect(catastrophic?.({ code: `${'a'.repeat(50_000)}!` })[0]).toMatchObject({ field: 'data.code', reason: 'pattern' });
  });

  it('checks nothing without a schema, or with one outside the safe subset (the server refuses those filings)', () => {
    expect(applicationValidator(undefined)).toBeNull();
    expect(applicationValidator({ type: 'object', properties: { code: { type: 'string', pattern: '^(?=a)' } } })).toBeNull();
  });
});

describe('issueMessage', () => {
  const validate = applicationValidator(applicationSchema);
  const messageFor = (data: Record<string, unknown>, key: string) => {
    const issue = issueOf(validate?.(data) ?? [], key);
    return issue === undefined ? undefined : issueMessage(issue, field(key), t);
  };

  it('says in the console’s words what each keyword refused', () => {
    expect(messageFor({ ...valid, contactPhone: '12345' }, 'contactPhone')).toBe('“联系电话”格式不正确');
    expect(messageFor({ ...valid, businessName: '' }, 'businessName')).toBe('“店铺名称”至少 1 个字');
    expect(messageFor({ ...valid, seats: 600 }, 'seats')).toBe('“座位数”不能大于 500');
    expect(messageFor({ ...valid, seats: -1 }, 'seats')).toBe('“座位数”不能小于 0');
    expect(messageFor({ ...valid, seats: 2.5 }, 'seats')).toBe('“座位数”须为整数');
    expect(messageFor({ ...valid, area: 0 }, 'area')).toBe('“建筑面积（m²）”须大于 0');
    expect(messageFor({ ...valid, foodBusinessItems: [] }, 'foodBusinessItems')).toBe('“经营项目”至少选择 1 项');
    expect(messageFor({ ...valid, outdoorSign: undefined }, 'outdoorSign')).toBe('请选择“设置户外招牌”');
    expect(messageFor({ ...valid, licenceKind: 'other' }, 'licenceKind')).toBe('“申请类型”填写不符合要求');
    expect(messageFor(valid, 'contactPhone')).toBeUndefined();
  });
});
