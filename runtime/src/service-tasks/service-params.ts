import { PermanentServiceError } from './service-handler.ts';

/**
 * The text parameter `name` of a service, or `fallback` when it is absent.
 * @throws PermanentServiceError `invalid-service-params` when it is present but not non-empty text.
 */
export function textParam(params: Readonly<Record<string, unknown>>, name: string, fallback: string): string {
  const value = params[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value === '') {
    throw new PermanentServiceError('invalid-service-params', `Service parameter '${name}' must be non-empty text`);
  }
  return value;
}
