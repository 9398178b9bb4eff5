import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { and, arrayContains, asc, eq, ilike, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { idParamSchema } from '../schemas/common.schema.ts';
import { errorResponses } from '../schemas/error.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link usersRoutes}. */
export interface UsersRoutesOptions {
  db: Db;
  access: Access;
}

/** At most this many users in one answer. */
export const MAX_LISTED_USERS = 500;

const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    departmentId: z.string(),
    roles: z.array(z.string()),
  })
  .openapi('OrganisationUser');

/** Escapes the wildcards of a LIKE pattern, so a search matches its text literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `GET /users`: the people of the organisation, as the console's pickers (转办, 委派, 加签, 抄送,
 * bulk reassignment) offer them and as the inbox and case view name them. Filtered by department,
 * role and a search over name and login; no password or session is ever part of it. Any signed-in
 * user may read it.
 */
export function usersRoutes({ db, access }: UsersRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const list = createRoute({
    method: 'get',
    path: '/users',
    tags: ['organisation'],
    summary: 'Users, optionally of one department, with one role, or matching a search; by department, then name',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: {
      query: z.object({
        department: idParamSchema.optional().openapi({ example: 'sh-huangpu-market-regulation' }),
        role: z.enum(['clerk', 'manager', 'supervisor', 'designer', 'admin']).optional(),
        q: z.string().min(1).max(100).optional().openapi({ description: 'Text in the display name or the login', example: '王' }),
      }),
    },
    responses: {
      200: {
        description: `Users (at most ${MAX_LISTED_USERS})`,
        content: { 'application/json': { schema: z.object({ items: z.array(userSchema) }) } },
      },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(list, async (c) => {
    const { department, role, q } = c.req.valid('query');
    const filters: SQL[] = [];
    if (department !== undefined) filters.push(eq(users.departmentId, department));
    if (role !== undefined) filters.push(arrayContains(users.roles, [role]));
    if (q !== undefined) {
      const match = or(ilike(users.displayName, likePattern(q)), ilike(users.username, likePattern(q)));
      if (match !== undefined) filters.push(match);
    }
    const items = await db
      .select({ id: users.id, username: users.username, displayName: users.displayName, departmentId: users.departmentId, roles: users.roles })
      .from(users)
      .where(and(...filters))
      .orderBy(asc(users.departmentId), asc(users.displayName), asc(users.id))
      .limit(MAX_LISTED_USERS);
    return c.json({ items }, 200);
  });

  return app;
}
