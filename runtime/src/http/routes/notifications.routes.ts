import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { pageQuerySchema } from '../schemas/common.schema.ts';
import { errorResponses } from '../schemas/error.schema.ts';
import { userNotificationPageSchema } from '../schemas/notification.schema.ts';
import { timestampSchema } from '../schemas/timestamp.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link notificationsRoutes}. */
export interface NotificationsRoutesOptions {
  runtime: Pick<Runtime, 'listNotifications' | 'markNotificationRead' | 'markAllNotificationsRead'>;
  access: Access;
}

const idParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).openapi({ param: { name: 'id', in: 'path' }, type: 'integer' }) });

/** The caller's 消息: notifications addressed to them, the unread count, marking read. */
export function notificationsRoutes({ runtime, access }: NotificationsRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const list = createRoute({
    method: 'get',
    path: '/me/notifications',
    tags: ['notifications'],
    summary: 'The caller’s notifications (消息), newest first, with the unread count',
    description: 'Urges of tasks they handle or could claim, copies sent to them, escalations to their supervision office, decisions on extensions they asked for.',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { query: pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional().openapi({ description: 'Only those not yet read' }) }) },
    responses: {
      200: { description: 'One page, the total and the unread count', content: { 'application/json': { schema: userNotificationPageSchema } } },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(list, async (c) => {
    const { unread, limit, offset } = c.req.valid('query');
    return c.json(await runtime.listNotifications(c.get('viewer'), { limit, offset, unread: unread === 'true' }), 200);
  });

  const markRead = createRoute({
    method: 'post',
    path: '/me/notifications/{id}/read',
    tags: ['notifications'],
    summary: 'Mark one of the caller’s notifications read (again keeps the first read time)',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: idParams },
    responses: {
      200: { description: 'When it was read', content: { 'application/json': { schema: z.object({ id: z.number().int(), readAt: timestampSchema }) } } },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(markRead, async (c) => c.json(await runtime.markNotificationRead(c.get('viewer'), c.req.valid('param').id), 200));

  const readAll = createRoute({
    method: 'post',
    path: '/me/notifications/read-all',
    tags: ['notifications'],
    summary: 'Mark every unread notification of the caller read',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    responses: {
      200: { description: 'How many were marked', content: { 'application/json': { schema: z.object({ marked: z.number().int() }) } } },
      ...errorResponses(401, 403),
    },
  });
  app.openapi(readAll, async (c) => c.json(await runtime.markAllNotificationsRead(c.get('viewer')), 200));

  return app;
}
