import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { taskStatuses } from '../../db/schema/index.ts';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { taskSchema } from '../schemas/case.schema.ts';
import { idParamSchema, pageQuerySchema } from '../schemas/common.schema.ts';
import { workflowKeyParamSchema } from '../schemas/definition.schema.ts';
import { BODY_ERRORS, DECISION_FORBIDDEN, errorResponses } from '../schemas/error.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';
import { completeTaskBodySchema, completionSchema, inboxItemSchema } from '../schemas/task.schema.ts';

/** Options of {@link tasksRoutes}. */
export interface TasksRoutesOptions {
  runtime: Pick<Runtime, 'listInbox' | 'claimTask' | 'completeTask'>;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

const taskParams = z.object({ id: idParamSchema.openapi({ param: { name: 'id', in: 'path' } }) });
const taskStatusSchema = z.enum(taskStatuses);

/**
 * `GET /tasks` (the inbox of the caller's department and roles, soonest due first),
 * `POST /tasks/{id}/claim` and `POST /tasks/{id}/complete`. A completion runs the step inside the
 * request, so the next tasks exist when it answers; of two completions of one task one gets 409.
 */
export function tasksRoutes({ runtime, access, maxBodyBytes }: TasksRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const inbox = createRoute({
    method: 'get',
    path: '/tasks',
    tags: ['tasks'],
    summary: "The inbox: tasks of the caller's department and roles, and those handed to the caller, soonest statutory limit first",
    description: 'Searchable by case, applicant and workflow. An admin’s inbox holds the tasks of every department, to read: an admin decides none.',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: {
      query: pageQuerySchema.extend({
        status: z
          .union([taskStatusSchema, z.array(taskStatusSchema)])
          .optional()
          .openapi({ description: 'Repeat for several; default open and claimed' }),
        definitionKey: workflowKeyParamSchema.optional(),
        mine: z.enum(['true', 'false']).optional().openapi({ description: 'Only the tasks the caller has claimed' }),
        caseId: z.string().min(8).max(100).optional().openapi({ description: 'Only the tasks of this case: its id or the start of it (8 characters or more)' }),
        applicant: z.string().min(1).max(100).optional().openapi({ description: "Only cases whose applicant's name holds this text" }),
        scope: z
          .enum(['inbox', 'managed'])
          .optional()
          .openapi({ description: '`managed`: the tasks of every department the caller oversees (a manager or supervisor, an admin; 403 `managed-scope-forbidden` for others), to reassign from' }),
        caseNumber: z
          .string()
          .min(3)
          .max(40)
          .optional()
          .openapi({ description: 'Only the case whose number starts with this text, ignoring case (`SH-2026-000123`, or `sh-2026-0001`)' }),
      }),
    },
    responses: {
      200: {
        description: 'One page of tasks and the total',
        content: { 'application/json': { schema: z.object({ items: z.array(inboxItemSchema), total: z.number().int() }) } },
      },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(inbox, async (c) => {
    const { status, definitionKey, mine, caseId, applicant, caseNumber, scope, limit, offset } = c.req.valid('query');
    const page = await runtime.listInbox(c.get('viewer'), {
      limit,
      offset,
      ...(status !== undefined && { status }),
      ...(definitionKey !== undefined && { definitionKey }),
      ...(mine !== undefined && { mine: mine === 'true' }),
      ...(caseId !== undefined && { caseId }),
      ...(applicant !== undefined && { applicant }),
      ...(scope !== undefined && { scope }),
      ...(caseNumber !== undefined && { caseNumber }),
    });
    return c.json(page, 200);
  });

  const claim = createRoute({
    method: 'post',
    path: '/tasks/{id}/claim',
    tags: ['tasks'],
    summary: 'Claim a task (no body)',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: taskParams },
    responses: {
      200: { description: 'The task, claimed by the caller', content: { 'application/json': { schema: taskSchema } } },
      ...errorResponses(400, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(claim, async (c) => c.json(await runtime.claimTask(c.req.valid('param').id, c.get('viewer')), 200));

  const complete = createRoute({
    method: 'post',
    path: '/tasks/{id}/complete',
    tags: ['tasks'],
    summary: 'Decide a task; the case moves on inside the request',
    description:
      "409 `task-not-open` when the task was completed or closed meanwhile. 400 `invalid-task-input` with `details.field` `data.<key>` and `details.reason` `read-only` or `hidden` when `data` writes a field the task's node does not make editable (`fieldPermissions`); an editable application field is checked against the data schema. A `requestSupplement` (补正) names `supplementItems` (400 `supplement-items-required` when none, `supplement-item-invalid` naming `supplementItems[i].field` for a field the application does not have) and may be made once per task activation (409 `supplement-already-requested`); `supplementItems` with any other outcome answer 400 `invalid-task-input` naming `supplementItems` (reason `not-a-supplement`).",
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: {
      params: taskParams,
      body: { required: true, content: { 'application/json': { schema: completeTaskBodySchema } } },
    },
    responses: {
      200: {
        description: 'The task as closed, the case, and the tasks the step opened',
        content: { 'application/json': { schema: completionSchema } },
      },
      ...errorResponses(...BODY_ERRORS, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(complete, async (c) => {
    const { outcome, data, comment, reason, returnTo, supplementItems } = c.req.valid('json');
    const result = await runtime.completeTask(c.req.valid('param').id, c.get('viewer'), {
      outcome,
      data,
      ...(comment !== undefined && { comment }),
      ...(reason !== undefined && { reason }),
      ...(returnTo !== undefined && { returnTo }),
      ...(supplementItems !== undefined && { supplementItems }),
    });
    c.set('caseId', result.case.id);
    return c.json(result, 200);
  });

  return app;
}
