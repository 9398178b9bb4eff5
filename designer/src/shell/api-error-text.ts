import { isApiError } from '../api/api-error.ts';
import { errorsMessages } from './errors.messages.ts';

/**
 * A clear sentence for an error of an API call: the message of its stable code when the console
 * knows it, else one for its status (409 conflict, 403 not allowed, 404, 400 with the field the
 * API names, 5xx). Pure.
 */
export function apiErrorText(error: unknown, t: (typeof errorsMessages)['zh-CN']): string {
  if (!isApiError(error)) return t.unknown(error instanceof Error ? error.message : String(error));
  const known = t.byCode[error.code];
  if (known !== undefined) return known;
  if (error.status === 409) return t.conflict;
  if (error.status === 403) return t.forbidden;
  if (error.status === 404) return t.notFound;
  if (error.status === 400) {
    const field = (error.details as { field?: unknown } | undefined)?.field;
    return t.invalid(error.message) + (typeof field === 'string' ? t.field(field) : '');
  }
  if (error.status >= 500) return t.server;
  return t.unknown(error.message);
}
