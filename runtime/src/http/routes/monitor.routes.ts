import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { pageQuerySchema } from '../schemas/common.schema.ts';
import { errorResponses } from '../schemas/error.schema.ts';
import { departmentLoadSchema, escalationSchema, monitoredTaskSchema } from '../schemas/monitor.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link monitorRoutes}. */
export interface MonitorRoutesOptions {
  runtime: Pick<Runtime, 'listOverdue' | 'listAtRisk' | 'listEscalations' | 'departmentLoad'>;
  access: Access;
}

const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/**
 * `GET /monitor/overdue`, `/monitor/at-risk` and `/monitor/escalations` (pages in the caller's
 * scope: a clerk's department, a manager's or supervisor's jurisdiction subtree) and
 * `/monitor/load` (open, at-risk, overdue, met and breached tasks per department).
 */
export function monitorRoutes({ runtime, access }: MonitorRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const overdue = createRoute({
    method: 'get',
    path: '/monitor/overdue',
    tags: ['monitor'],
    summary: 'Open tasks past their statutory limit, longest overdue first',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { query: pageQuerySchema },
    responses: {
      200: { description: 'One page and the total', content: { 'application/json': { schema: pageOf(monitoredTaskSchema) } } },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(overdue, async (c) => c.json(await runtime.listOverdue(c.get('viewer'), c.req.valid('query')), 200));

  const atRisk = createRoute({
    method: 'get',
    path: '/monitor/at-risk',
    tags: ['monitor'],
    summary: 'Open tasks past their promised limit, not yet overdue, soonest statutory limit first',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { query: pageQuerySchema },
    responses: {
      200: { description: 'One page and the total', content: { 'application/json': { schema: pageOf(monitoredTaskSchema) } } },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(atRisk, async (c) => c.json(await runtime.listAtRisk(c.get('viewer'), c.req.valid('query')), 200));

  const escalations = createRoute({
    method: 'get',
    path: '/monitor/escalations',
    tags: ['monitor'],
    summary: 'Escalated breaches the caller sees, newest first',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { query: pageQuerySchema },
    responses: {
      200: { description: 'One page and the total', content: { 'application/json': { schema: pageOf(escalationSchema) } } },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(escalations, async (c) => c.json(await runtime.listEscalations(c.get('viewer'), c.req.valid('query')), 200));

  const load = createRoute({
    method: 'get',
    path: '/monitor/load',
    tags: ['monitor'],
    summary: 'Open, at-risk, overdue, met and breached tasks per department in the caller’s scope',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    responses: {
      200: {
        description: 'One row per department',
        content: { 'application/json': { schema: z.object({ items: z.array(departmentLoadSchema) }) } },
      },
      ...errorResponses(401, 403),
    },
  });
  app.openapi(load, async (c) => c.json({ items: await runtime.departmentLoad(c.get('viewer')) }, 200));

  return app;
}
