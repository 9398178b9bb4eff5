import { describe, expect, it } from 'vitest';
import { readNoticeText } from './notice-text.ts';

const notice = {
  year: 2027,
  source: { title: 'Hypothetical 2027 notice (test data)', documentNumber: 'TEST-2027', issued: '2026-11-01', url: 'https://example.org/test-2027' },
  holidays: [{ name: '元旦', daysOff: { from: '2027-01-01', to: '2027-01-01' }, makeUpWorkdays: [] }],
};

describe('readNoticeText', () => {
  it('should read the year and a preview of the source of a notice', () => {
    expect(readNoticeText(JSON.stringify(notice))).toEqual({
      ok: true,
      notice,
      year: 2027,
      preview: { title: 'Hypothetical 2027 notice (test data)', documentNumber: 'TEST-2027', issued: '2026-11-01', holidays: 1 },
    });
  });

  it('should keep JSON that is not a whole notice for the API to judge', () => {
    expect(readNoticeText('{"year":"2027"}')).toEqual({ ok: true, notice: { year: '2027' }, year: null, preview: null });
    expect(readNoticeText('[1]')).toMatchObject({ ok: true, year: null, preview: null });
  });

  it('should say why text is not JSON', () => {
    const read = readNoticeText('{"year": 2027,');
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).not.toBe('');
  });
});
