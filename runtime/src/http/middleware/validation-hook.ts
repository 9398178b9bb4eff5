import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import { InvalidInputError } from '../../errors/index.ts';
import type { HttpEnv } from '../http-env.ts';

/** Where a request value comes from, as the error details name it. */
const LOCATIONS: Record<string, string> = {
  json: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
  cookie: 'cookie',
  form: 'body',
};

/** One field that failed validation: where, which field (a dotted path, `''` for the whole value), why. */
export interface InputIssue {
  in: string;
  path: string;
  code: string;
  message: string;
}

/**
 * Lists every issue of a zod error as an {@link InputIssue}.
 *
 * Pure: performs no I/O.
 */
export function inputIssues(location: string, error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    in: location,
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

/**
 * The `defaultHook` of every router: a request that fails its route's zod schema is answered
 * 400 `invalid-input` through `app.onError`, with `details.field` and `details.reason` naming the
 * first field at fault and `details.issues` listing each one.
 */
export const validationHook: Hook<unknown, HttpEnv, string, undefined> = (result) => {
  if (result.success) return;
  const issues = inputIssues(LOCATIONS[result.target] ?? result.target, result.error);
  const first = issues[0] ?? { in: result.target, path: '', code: 'invalid', message: 'Invalid input' };
  const field = first.path === '' ? first.in : `${first.in}.${first.path}`;
  throw new InvalidInputError('invalid-input', `Invalid ${field}: ${first.message}`, {
    field,
    reason: first.message,
    issues,
  });
};
