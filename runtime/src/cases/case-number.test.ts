import { describe, expect, it } from 'vitest';
import { CASE_NUMBER, caseNumberPrefixOf, filingYear, formatCaseNumber } from './case-number.ts';

describe('case numbers', () => {
  it('are the prefix, the year of filing and a six-digit sequence', () => {
    expect(formatCaseNumber('SH', 2026, 123)).toBe('SH-2026-000123');
    expect(formatCaseNumber('BJ', 2027, 1_234_567)).toBe('BJ-2027-1234567');
    expect(CASE_NUMBER.test('SH-2026-000123')).toBe(true);
    expect(caseNumberPrefixOf('SH-2026-000123')).toBe('SH');
  });

  it('count the year of filing in the calendar time zone, not in UTC', () => {
    const newYearsNightInShanghai = new Date('2026-12-31T16:30:00Z');
    expect(filingYear(newYearsNightInShanghai, 'Asia/Shanghai')).toBe(2027);
    expect(filingYear(newYearsNightInShanghai, 'UTC')).toBe(2026);
  });
});
