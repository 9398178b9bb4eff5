import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { noticeField, noticeProblems } from './notice-problems.ts';

describe('noticeField', () => {
  it('should name a field of the body as it reads in the notice', () => {
    expect(noticeField('body.holidays.0.makeUpWorkdays.0')).toBe('holidays[0].makeUpWorkdays[0]');
    expect(noticeField('source.url')).toBe('source.url');
    expect(noticeField('body')).toBe('');
  });
});

describe('noticeProblems', () => {
  it('should list the schema errors of the notice by field', () => {
    const error = new ApiError(400, 'invalid-input', 'Invalid body.source.issued: must be a date YYYY-MM-DD', {
      field: 'body.source.issued',
      reason: 'must be a date YYYY-MM-DD',
      issues: [
        { in: 'body', path: 'source.issued', code: 'invalid_format', message: 'must be a date YYYY-MM-DD' },
        { in: 'body', path: 'holidays.1.daysOff.to', code: 'invalid_type', message: 'Invalid input: expected string, received undefined' },
      ],
    });
    expect(noticeProblems(error)).toEqual([
      { field: 'source.issued', message: 'must be a date YYYY-MM-DD' },
      { field: 'holidays[1].daysOff.to', message: 'Invalid input: expected string, received undefined' },
    ]);
  });

  it('should list what the calendar refused, by the field of the notice', () => {
    const error = new ApiError(400, 'invalid-calendar', 'holidays[0].makeUpWorkdays[0]: 2027-01-04 is a Monday', {
      field: 'holidays[0].makeUpWorkdays[0]',
      reason: '2027-01-04 is a Monday',
      issues: [{ field: 'holidays[0].makeUpWorkdays[0]', message: '2027-01-04 is a Monday' }],
    });
    expect(noticeProblems(error)).toEqual([{ field: 'holidays[0].makeUpWorkdays[0]', message: '2027-01-04 is a Monday' }]);
  });

  it('should name the one field of an error without a list', () => {
    const error = new ApiError(400, 'year-mismatch', 'The notice is for 2027, and the path names 2028', { field: 'year', reason: 'mismatch' });
    expect(noticeProblems(error)).toEqual([{ field: 'year', message: 'mismatch' }]);
  });

  it('should find no field in errors other than a 400', () => {
    expect(noticeProblems(new ApiError(403, 'forbidden', 'Admins only', { field: 'x' }))).toEqual([]);
    expect(noticeProblems(new Error('boom'))).toEqual([]);
  });
});
