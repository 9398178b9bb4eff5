import { isApiError } from '../api/api-error.ts';

/** One thing wrong with a notice the API refused: the field of the notice (`holidays[0].makeUpWorkdays[0]`, `''` for the whole) and why. */
export interface NoticeProblem {
  field: string;
  message: string;
}

/** `body.holidays.0.makeUpWorkdays.0` → `holidays[0].makeUpWorkdays[0]`: a field as it reads in the notice. Pure. */
export function noticeField(path: string): string {
  const parts = path.split('.').filter((part) => part !== '');
  if (parts[0] === 'body') parts.shift();
  return parts.reduce((field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field === '' ? part : `${field}.${part}`), '');
}

/**
 * What the API found wrong with a notice (`PUT /calendars/{key}/notices/{year}` answering 400),
 * each with the field named as in the notice: schema errors (`details.issues[{ in, path, message }]`),
 * calendar errors (`details.issues[{ field, message }]`, e.g. a make-up working day on a weekday),
 * or the one `details.field` (e.g. `year` when it differs from the year chosen). Empty for any
 * other error. Pure.
 */
export function noticeProblems(error: unknown): NoticeProblem[] {
  if (!isApiError(error, 400)) return [];
  const details = (error.details ?? {}) as { field?: unknown; reason?: unknown; issues?: unknown };
  const issues = Array.isArray(details.issues) ? (details.issues as Record<string, unknown>[]) : [];
  const listed = issues.flatMap((issue): NoticeProblem[] => {
    const message = typeof issue.message === 'string' ? issue.message : '';
    if (typeof issue.field === 'string') return [{ field: noticeField(issue.field), message }];
    if (typeof issue.path === 'string') return [{ field: noticeField(issue.in === 'body' ? issue.path : `${String(issue.in)}.${issue.path}`), message }];
    return [];
  });
  if (listed.length > 0) return listed;
  if (typeof details.field === 'string') return [{ field: noticeField(details.field), message: typeof details.reason === 'string' ? details.reason : error.message }];
  return [];
}
