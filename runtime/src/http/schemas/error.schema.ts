import { z } from '@hono/zod-openapi';

/** The one error body of the API. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid-input' }),
      message: z.string().openapi({ example: 'Invalid body.username: Invalid input: expected string, received undefined' }),
      details: z.unknown().openapi({ description: 'Structured context: the field at fault, diagnostics, ids' }),
    }),
  })
  .openapi('Error');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (`invalid-input` with `details.field`, `details.issues`) or malformed JSON (`invalid-json`)',
  401: 'No credentials, or an unknown or expired token',
  403: 'The caller may not do this',
  404: 'No such record (or not visible to the caller)',
  409: 'The record is not in a state that allows this',
  413: 'The body is larger than the limit',
  415: 'The body is not `application/json`',
  422: 'The request cannot be honoured as sent, e.g. `idempotency-key-reused`: the same `Idempotency-Key` with a different body',
  429: 'Done too recently by the same caller (`urge-too-soon`); `details.retryAfterSeconds` says when it may again',
};

/** The error responses of a route, for its OpenAPI description. */
export function errorResponses<const S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: errorBodySchema } } },
    ]),
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof errorBodySchema } } }>;
}

/**
 * The 403 of a route that decides a task (claim, complete, extensions): who may, and why an admin
 * may not (DESIGN.md §5).
 */
export const DECISION_FORBIDDEN = {
  403: {
    description:
      '`task-forbidden`: the caller is not a user of the task’s department holding its candidate role (extensions: `extension-approver-required`); ' +
      '`admin-does-not-decide`: an admin reads every task but decides none, deciding being a legal act of the competent department (行政许可法); ' +
      '`api-key-not-allowed` for an API key',
    content: { 'application/json': { schema: errorBodySchema } },
  },
} as const;

/** The errors every body-carrying route can answer with, besides its own. */
export const BODY_ERRORS = [400, 413, 415] as const;
