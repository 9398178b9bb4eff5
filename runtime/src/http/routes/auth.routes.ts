import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AuthService } from '../../auth/auth.service.ts';
import { NotFoundError } from '../../errors/index.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { BODY_ERRORS, errorResponses } from '../schemas/error.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link authRoutes}. */
export interface AuthRoutesOptions {
  auth: AuthService;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

/** A user with their department, jurisdiction and roles. */
export const userProfileSchema = z
  .object({
    id: z.string(),
    username: z.string().openapi({ example: 'huangpu.intake' }),
    displayName: z.string(),
    roles: z.array(z.string()).openapi({ example: ['clerk'] }),
    department: z.object({ id: z.string(), kind: z.string(), name: z.string(), jurisdictionId: z.string() }),
    jurisdiction: z.object({ id: z.string(), name: z.string(), level: z.string(), parentId: z.string().nullable() }),
  })
  .openapi('UserProfile');

const loginBodySchema = z
  .strictObject({
    username: z.string().min(1).max(200),
    password: z.string().min(1).max(1024),
  })
  .openapi('LoginRequest');

/**
 * `POST /auth/login`, `POST /auth/logout` and `GET /me`.
 *
 * - login answers `{ token, expiresAt, user }`, or 401 `invalid-credentials` with one message
 *   for an unknown user and a wrong password;
 * - logout ends the session of the bearer token (204);
 * - `/me` answers the signed-in user's profile.
 */
export function authRoutes({ auth, access, maxBodyBytes }: AuthRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const login = createRoute({
    method: 'post',
    path: '/auth/login',
    tags: ['auth'],
    summary: 'Sign in with a username and password',
    middleware: [jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { body: { required: true, content: { 'application/json': { schema: loginBodySchema } } } },
    responses: {
      200: {
        description: 'A bearer token and the user',
        content: {
          'application/json': {
            schema: z.object({ token: z.string(), expiresAt: z.iso.datetime(), user: userProfileSchema }),
          },
        },
      },
      ...errorResponses(...BODY_ERRORS, 401),
    },
  });
  app.openapi(login, async (c) => {
    const { username, password } = c.req.valid('json');
    const result = await auth.login(username, password);
    return c.json({ token: result.token, expiresAt: result.expiresAt.toISOString(), user: result.user }, 200);
  });

  const logout = createRoute({
    method: 'post',
    path: '/auth/logout',
    tags: ['auth'],
    summary: 'End the session of the bearer token',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    responses: { 204: { description: 'Signed out' }, ...errorResponses(401) },
  });
  app.openapi(logout, async (c) => {
    const token = c.get('bearerToken');
    if (token !== undefined) await auth.logout(token);
    return c.body(null, 204);
  });

  const me = createRoute({
    method: 'get',
    path: '/me',
    tags: ['auth'],
    summary: 'The signed-in user, their department, jurisdiction and roles',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    responses: {
      200: { description: 'The user', content: { 'application/json': { schema: userProfileSchema } } },
      ...errorResponses(401, 403),
    },
  });
  app.openapi(me, async (c) => {
    const { userId } = c.get('viewer');
    const profile = userId === undefined ? undefined : await auth.profile(userId);
    if (!profile) throw new NotFoundError('user-not-found', `User '${userId}' no longer exists`, { userId });
    return c.json(profile, 200);
  });

  return app;
}
