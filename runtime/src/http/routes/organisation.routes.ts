import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { departments, jurisdictions, levels, roles } from '../../db/schema/index.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { idParamSchema } from '../schemas/common.schema.ts';
import { errorResponses } from '../schemas/error.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link organisationRoutes}. */
export interface OrganisationRoutesOptions {
  db: Db;
  access: Access;
}

const jurisdictionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    level: z.enum(levels),
    parentId: z.string().nullable(),
    calendarKey: z.string().nullable().openapi({ description: "The calendar its cases are counted on; null: its parent's" }),
  })
  .openapi('Jurisdiction');

const departmentSchema = z
  .object({ id: z.string(), jurisdictionId: z.string(), kind: z.string(), name: z.string() })
  .openapi('Department');

const LEVEL_RANK = sql`array_position(array['city', 'district', 'subDistrict']::text[], ${jurisdictions.level})`;

/**
 * `GET /jurisdictions` (the tree as a list, top level first), `GET /departments` (filtered by
 * `jurisdiction` and `kind`) and `GET /roles` (the roles a user can hold): what the designer's
 * properties panel offers for a userTask.
 * Any signed-in user may read them.
 */
export function organisationRoutes({ db, access }: OrganisationRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const listJurisdictions = createRoute({
    method: 'get',
    path: '/jurisdictions',
    tags: ['organisation'],
    summary: 'Every jurisdiction: city, districts, sub-districts',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    responses: {
      200: {
        description: 'Jurisdictions, top level first',
        content: { 'application/json': { schema: z.object({ items: z.array(jurisdictionSchema) }) } },
      },
      ...errorResponses(401, 403),
    },
  });
  app.openapi(listJurisdictions, async (c) => {
    const items = await db.select().from(jurisdictions).orderBy(LEVEL_RANK, asc(jurisdictions.id));
    return c.json({ items }, 200);
  });

  const listDepartments = createRoute({
    method: 'get',
    path: '/departments',
    tags: ['organisation'],
    summary: 'Departments, optionally of one jurisdiction or one kind',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: {
      query: z.object({
        jurisdiction: idParamSchema.optional().openapi({ example: 'sh-huangpu' }),
        kind: idParamSchema.optional().openapi({ example: 'market-regulation' }),
      }),
    },
    responses: {
      200: {
        description: 'Departments, by jurisdiction and kind',
        content: { 'application/json': { schema: z.object({ items: z.array(departmentSchema) }) } },
      },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(listDepartments, async (c) => {
    const { jurisdiction, kind } = c.req.valid('query');
    const filters: SQL[] = [];
    if (jurisdiction !== undefined) filters.push(eq(departments.jurisdictionId, jurisdiction));
    if (kind !== undefined) filters.push(eq(departments.kind, kind));
    const items = await db
      .select()
      .from(departments)
      .where(and(...filters))
      .orderBy(asc(departments.jurisdictionId), asc(departments.kind));
    return c.json({ items }, 200);
  });

  const listRoles = createRoute({
    method: 'get',
    path: '/roles',
    tags: ['organisation'],
    summary: "The roles a user can hold: a userTask's candidate role, an extension's approver role",
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    responses: {
      200: {
        description: 'Roles',
        content: { 'application/json': { schema: z.object({ items: z.array(z.enum(roles)) }) } },
      },
      ...errorResponses(401, 403),
    },
  });
  app.openapi(listRoles, (c) => c.json({ items: [...roles] }, 200));

  return app;
}
