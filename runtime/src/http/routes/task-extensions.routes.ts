import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { MAX_DURATION } from '@tongban/engine';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { taskSchema } from '../schemas/case.schema.ts';
import { taskWithCaseNumberSchema } from '../schemas/task.schema.ts';
import { idParamSchema, pageQuerySchema } from '../schemas/common.schema.ts';
import { BODY_ERRORS, DECISION_FORBIDDEN, errorResponses } from '../schemas/error.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link taskExtensionsRoutes}. */
export interface TaskExtensionsRoutesOptions {
  runtime: Pick<Runtime, 'requestExtension' | 'approveExtension' | 'refuseExtension' | 'listExtensionRequests'>;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

const taskParams = z.object({ id: idParamSchema.openapi({ param: { name: 'id', in: 'path' } }) });

/**
 * `POST /tasks/{id}/extension`: how much longer, in the unit of the task's statutory limit, and why.
 * The engine holds the amount to the task's cap (whole days for day units); the cap itself is at
 * most `MAX_DURATION` of its unit, so no larger amount is read.
 */
export const extensionBodySchema = z
  .strictObject({
    amount: z
      .number()
      .positive()
      .max(Math.max(...Object.values(MAX_DURATION)))
      .openapi({ description: 'In the unit of the statutory limit, at most the task’s extension cap; days whole', example: 5 }),
    reason: z.string().trim().min(1).max(2_000).openapi({ example: '需组织专家论证' }),
  })
  .openapi('ExtensionRequest');

/** `POST /tasks/{id}/extension/refuse`: why the extension is refused; the clerk is told. */
export const extensionRefusalBodySchema = z
  .strictObject({ reason: z.string().trim().min(1).max(2_000).openapi({ example: '理由不充分，请按期办结' }) })
  .openapi('ExtensionRefusal');

/**
 * Extensions of a statutory limit (行政许可法 art. 42): `POST /tasks/{id}/extension` (the task's
 * clerk, before the deadline), `POST /tasks/{id}/extension/approve` and `/extension/refuse` (a
 * user holding the role the definition names) and `GET /tasks/extension-requests` (what awaits
 * the caller's approval).
 */
export function taskExtensionsRoutes({ runtime, access, maxBodyBytes }: TaskExtensionsRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const request = createRoute({
    method: 'post',
    path: '/tasks/{id}/extension',
    tags: ['tasks'],
    summary: "Ask for the task's statutory limit to run longer, with a reason the applicant is told",
    description: 'Capped by the definition, once per task activation, before the deadline; the role the definition names approves it.',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: taskParams, body: { required: true, content: { 'application/json': { schema: extensionBodySchema } } } },
    responses: {
      200: { description: 'The task, its extension requested', content: { 'application/json': { schema: taskSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(request, async (c) => c.json(await runtime.requestExtension(c.req.valid('param').id, c.get('viewer'), c.req.valid('json')), 200));

  const approve = createRoute({
    method: 'post',
    path: '/tasks/{id}/extension/approve',
    tags: ['tasks'],
    summary: 'Approve the extension asked for: the statutory deadline moves by its amount (no body)',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: taskParams },
    responses: {
      200: { description: 'The task with its new deadline', content: { 'application/json': { schema: taskSchema } } },
      ...errorResponses(400, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(approve, async (c) => c.json(await runtime.approveExtension(c.req.valid('param').id, c.get('viewer')), 200));

  const refuse = createRoute({
    method: 'post',
    path: '/tasks/{id}/extension/refuse',
    tags: ['tasks'],
    summary: 'Refuse the extension asked for, with a reason the clerk is told: the deadline stays',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: taskParams, body: { required: true, content: { 'application/json': { schema: extensionRefusalBodySchema } } } },
    responses: {
      200: { description: 'The task, its extension refused', content: { 'application/json': { schema: taskSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(refuse, async (c) => c.json(await runtime.refuseExtension(c.req.valid('param').id, c.get('viewer'), c.req.valid('json')), 200));

  const pending = createRoute({
    method: 'get',
    path: '/tasks/extension-requests',
    tags: ['tasks'],
    summary: "Open tasks whose extension awaits the caller's approval, oldest request first",
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { query: pageQuerySchema },
    responses: {
      200: {
        description: 'One page of tasks and the total',
        content: { 'application/json': { schema: z.object({ items: z.array(taskWithCaseNumberSchema), total: z.number().int() }) } },
      },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(pending, async (c) => c.json(await runtime.listExtensionRequests(c.get('viewer'), c.req.valid('query')), 200));

  return app;
}
