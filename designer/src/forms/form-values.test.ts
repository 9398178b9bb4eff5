import type { FormField } from '@tongban/engine';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import inspectionForm from '../../test/fixtures/inspection-form.json' with { type: 'json' };
import { fromFormValues, toFormValues } from './form-values.ts';

const fields = inspectionForm as FormField[];

describe('toFormValues', () => {
  it('should read each field from case data and turn dates into Day.js values', () => {
    const values = toFormValues(fields, { inspector: '王敏', area: 40, passed: false, inspectedOn: '2026-10-09', verdict: 'approved', other: 1 });
    expect(values).toMatchObject({ inspector: '王敏', area: 40, passed: false, verdict: 'approved' });
    expect(dayjs.isDayjs(values.inspectedOn) && values.inspectedOn.format('YYYY-MM-DD')).toBe('2026-10-09');
    expect(values).not.toHaveProperty('other');
  });

  it('should leave out dates that do not exist and options the field does not offer', () => {
    expect(toFormValues(fields, { inspectedOn: '2026-02-30', verdict: 'maybe', area: Number.NaN })).toEqual({});
  });
});

describe('fromFormValues', () => {
  it('should trim text, leave out empty inputs and format dates as YYYY-MM-DD', () => {
    const data = fromFormValues(fields, {
      inspector: '  王敏  ',
      findings: '   ',
      area: 0,
      passed: false,
      inspectedOn: dayjs('2026-10-09'),
      verdict: undefined,
    });
    expect(data).toEqual({ inspector: '王敏', area: 0, passed: false, inspectedOn: '2026-10-09' });
  });
});
