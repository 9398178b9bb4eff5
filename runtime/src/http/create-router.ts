import { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from './http-env.ts';
import { validationHook } from './middleware/validation-hook.ts';

/**
 * A router for one area of the API: zod-validated routes whose failures go through
 * {@link validationHook} to `app.onError`.
 */
export function createRouter(): OpenAPIHono<HttpEnv> {
  return new OpenAPIHono<HttpEnv>({ defaultHook: validationHook });
}
