import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
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
import {
  addSignersBodySchema,
  caseCopySchema,
  commentBodySchema,
  copyBodySchema,
  copyItemSchema,
  delegateBodySchema,
  reassignBodySchema,
  reassignResultSchema,
  removeSignerBodySchema,
  resolveBodySchema,
  returnPreviewSchema,
  signersResultSchema,
  taskCommentSchema,
  taskDetailSchema,
  transferBodySchema,
  unclaimBodySchema,
  urgeBodySchema,
  urgeResultSchema,
} from '../schemas/task-operation.schema.ts';

/** Options of {@link taskOperationsRoutes}. */
export interface TaskOperationsRoutesOptions {
  runtime: Pick<
    Runtime,
    | 'getTask'
    | 'previewReturn'
    | 'listDone'
    | 'unclaimTask'
    | 'transferTask'
    | 'delegateTask'
    | 'resolveTask'
    | 'commentOnTask'
    | 'copyTask'
    | 'listCopies'
    | 'markCopyRead'
    | 'urgeCase'
    | 'reassignTasks'
    | 'addSigners'
    | 'removeSigner'
  >;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

const idParams = z.object({ id: idParamSchema.openapi({ param: { name: 'id', in: 'path' } }) });
const copyParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).openapi({ param: { name: 'id', in: 'path' }, type: 'integer' }) });
const taskJson = { 'application/json': { schema: taskSchema } };

/**
 * The task operations of clerks and managers (docs: runtime/README.md): `GET /tasks/{id}`,
 * `GET /tasks/done` (已办), unclaim, transfer (转办), delegate and resolve (委派 / 归还), comments,
 * copies (抄送, and the "copied to me" list), urging a case (催办) and a manager's bulk reassignment.
 * Every operation is recorded in the case's audit trail with who, when, to whom and why.
 */
export function taskOperationsRoutes({ runtime, access, maxBodyBytes }: TaskOperationsRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const done = createRoute({
    method: 'get',
    path: '/tasks/done',
    tags: ['tasks'],
    summary: 'The done list (已办): tasks the caller completed or handed on, most recent first',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { query: pageQuerySchema },
    responses: {
      200: {
        description: 'One page of tasks and the total; `withdrawable`: the caller completed it and may still withdraw it (撤回)',
        content: { 'application/json': { schema: z.object({ items: z.array(taskWithCaseNumberSchema.extend({ withdrawable: z.boolean() })), total: z.number().int() }) } },
      },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(done, async (c) => c.json(await runtime.listDone(c.get('viewer'), c.req.valid('query')), 200));

  const reassign = createRoute({
    method: 'post',
    path: '/tasks/reassign',
    tags: ['tasks'],
    summary: 'Reassign tasks in bulk (a manager, within their jurisdiction), with a reason; the result of each task',
    description: 'Each task in its own transaction: one refused task (outside the scope, closed, delegated) leaves the others reassigned.',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { body: { required: true, content: { 'application/json': { schema: reassignBodySchema } } } },
    responses: {
      200: { description: 'Per task: reassigned, or the error it met', content: { 'application/json': { schema: reassignResultSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403),
    },
  });
  app.openapi(reassign, async (c) => {
    const { taskIds, assigneeId, departmentId, reason } = c.req.valid('json');
    const results = await runtime.reassignTasks(c.get('viewer'), {
      taskIds,
      reason,
      ...(assigneeId !== undefined && { assigneeId }),
      ...(departmentId !== undefined && { departmentId }),
    });
    return c.json({ results }, 200);
  });

  const read = createRoute({
    method: 'get',
    path: '/tasks/{id}',
    tags: ['tasks'],
    summary: 'One task, with the time it has left, what the clerk needs of its case, and its comments',
    description:
      "For a user whose department or scope sees it, its assignee or delegatee, or a user its case was copied to. `case.data` leaves out the fields the task's node hides (`fieldPermissions`), unless the reader manages the case.",
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: idParams },
    responses: {
      200: { description: 'The task', content: { 'application/json': { schema: taskDetailSchema } } },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(read, async (c) => c.json(await runtime.getTask(c.req.valid('param').id, c.get('viewer')), 200));

  const unclaim = createRoute({
    method: 'post',
    path: '/tasks/{id}/unclaim',
    tags: ['tasks'],
    summary: 'Give a claimed task back to its department’s queue (取消认领)',
    description: 'Its assignee, or a manager over the case with a reason. Not while it is delegated (409 `task-delegated`).',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: idParams, body: { required: true, content: { 'application/json': { schema: unclaimBodySchema } } } },
    responses: {
      200: { description: 'The task, open again', content: taskJson },
      ...errorResponses(...BODY_ERRORS, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(unclaim, async (c) => {
    const { reason } = c.req.valid('json');
    return c.json(await runtime.unclaimTask(c.req.valid('param').id, c.get('viewer'), reason === undefined ? {} : { reason }), 200);
  });

  const transfer = createRoute({
    method: 'post',
    path: '/tasks/{id}/transfer',
    tags: ['tasks'],
    summary: 'Transfer the task (转办) to a user, to another department, or to a user there; reason required',
    description:
      'Its handler (the assignee, or a candidate while unclaimed). A user target holds the task’s candidate role in its department. The first owner and the whole chain of handlers are kept; the clocks run on.',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: idParams, body: { required: true, content: { 'application/json': { schema: transferBodySchema } } } },
    responses: {
      200: { description: 'The task, with its new handler', content: taskJson },
      ...errorResponses(...BODY_ERRORS, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(transfer, async (c) => {
    const { assigneeId, departmentId, reason } = c.req.valid('json');
    return c.json(
      await runtime.transferTask(c.req.valid('param').id, c.get('viewer'), {
        reason,
        ...(assigneeId !== undefined && { assigneeId }),
        ...(departmentId !== undefined && { departmentId }),
      }),
      200,
    );
  });

  const delegate = createRoute({
    method: 'post',
    path: '/tasks/{id}/delegate',
    tags: ['tasks'],
    summary: 'Delegate the task (委派) to another user; reason required',
    description: 'Its assignee. The delegatee may only comment and resolve it back (403 `delegatee-may-only-resolve`); the owner completes it.',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: idParams, body: { required: true, content: { 'application/json': { schema: delegateBodySchema } } } },
    responses: {
      200: { description: 'The task, delegated', content: taskJson },
      ...errorResponses(...BODY_ERRORS, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(delegate, async (c) => c.json(await runtime.delegateTask(c.req.valid('param').id, c.get('viewer'), c.req.valid('json')), 200));

  const resolve = createRoute({
    method: 'post',
    path: '/tasks/{id}/resolve',
    tags: ['tasks'],
    summary: 'Resolve a delegated task back to its owner (归还), with the delegatee’s opinion',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: idParams, body: { required: true, content: { 'application/json': { schema: resolveBodySchema } } } },
    responses: {
      200: { description: 'The task, back with its owner', content: taskJson },
      ...errorResponses(...BODY_ERRORS, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(resolve, async (c) => c.json(await runtime.resolveTask(c.req.valid('param').id, c.get('viewer'), c.req.valid('json')), 200));

  const comment = createRoute({
    method: 'post',
    path: '/tasks/{id}/comments',
    tags: ['tasks'],
    summary: 'Add a comment (审批意见) to an open task; append-only',
    description: 'Its handler, its delegatee, or a manager over the case.',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: idParams, body: { required: true, content: { 'application/json': { schema: commentBodySchema } } } },
    responses: {
      201: { description: 'The comment', content: { 'application/json': { schema: taskCommentSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(comment, async (c) => c.json(await runtime.commentOnTask(c.req.valid('param').id, c.get('viewer'), c.req.valid('json')), 201));

  const copy = createRoute({
    method: 'post',
    path: '/tasks/{id}/copies',
    tags: ['tasks'],
    summary: 'Copy the task’s case (抄送) to users who only read it',
    description: 'Its handler. Each recipient gets one copy per case, a notification, and the case in `GET /copies`.',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: idParams, body: { required: true, content: { 'application/json': { schema: copyBodySchema } } } },
    responses: {
      201: { description: 'The copies made (none for a recipient who had one)', content: { 'application/json': { schema: z.object({ items: z.array(caseCopySchema) }) } } },
      ...errorResponses(...BODY_ERRORS, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(copy, async (c) => c.json({ items: await runtime.copyTask(c.req.valid('param').id, c.get('viewer'), c.req.valid('json')) }, 201));

  const returnPreview = createRoute({
    method: 'get',
    path: '/tasks/{id}/return-preview',
    tags: ['tasks'],
    summary: 'The other open tasks a return (退回) of this task would cancel, before it happens',
    description: 'Its handler. Nothing is written: the engine steps the case as it is now. `cancels` names each task of another branch (parallel work) the return would close, with its department and assignee.',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: idParams, query: z.object({ returnTo: idParamSchema.optional().openapi({ description: 'The node to return to, when the task offers several' }) }) },
    responses: {
      200: { description: 'The tasks the return would cancel', content: { 'application/json': { schema: returnPreviewSchema } } },
      ...errorResponses(400, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(returnPreview, async (c) => c.json(await runtime.previewReturn(c.req.valid('param').id, c.get('viewer'), c.req.valid('query')), 200));

  const copies = createRoute({
    method: 'get',
    path: '/copies',
    tags: ['tasks'],
    summary: 'Copied to me (抄送我的): copies sent to the caller, newest first, with a read flag',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { query: pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional().openapi({ description: 'Only those not yet read' }) }) },
    responses: {
      200: { description: 'One page of copies and the total', content: { 'application/json': { schema: z.object({ items: z.array(copyItemSchema), total: z.number().int() }) } } },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(copies, async (c) => {
    const { unread, limit, offset } = c.req.valid('query');
    return c.json(await runtime.listCopies(c.get('viewer'), { limit, offset, unread: unread === 'true' }), 200);
  });

  const markRead = createRoute({
    method: 'post',
    path: '/copies/{id}/read',
    tags: ['tasks'],
    summary: 'Mark a copy read (its recipient; again is a no-op)',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: copyParams },
    responses: {
      200: { description: 'The copy', content: { 'application/json': { schema: caseCopySchema } } },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(markRead, async (c) => c.json(await runtime.markCopyRead(c.req.valid('param').id, c.get('viewer')), 200));

  const urge = createRoute({
    method: 'post',
    path: '/cases/{id}/urge',
    tags: ['cases'],
    summary: 'Urge the current handlers of a case (催办); once an hour per caller and case',
    description: 'A manager or supervisor over the case, an admin, or a user who completed one of its tasks. Notifies the assignee of each open task, or its department when unclaimed.',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: idParams, body: { required: true, content: { 'application/json': { schema: urgeBodySchema } } } },
    responses: {
      200: { description: 'Who was urged', content: { 'application/json': { schema: urgeResultSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409, 429),
    },
  });
  app.openapi(urge, async (c) => {
    const { message } = c.req.valid('json');
    return c.json(await runtime.urgeCase(c.req.valid('param').id, c.get('viewer'), message === undefined ? {} : { message }), 200);
  });

  const addSigners = createRoute({
    method: 'post',
    path: '/tasks/{id}/signers',
    tags: ['tasks'],
    summary: 'Add signers (加签) to a countersignature, with a reason',
    description:
      'The handler of one of its instances. Each signer is a new instance, counted by the node’s completion rule, with its own deadlines counted on the case’s business calendar from now. 409 `not-countersign` for another task.',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: idParams, body: { required: true, content: { 'application/json': { schema: addSignersBodySchema } } } },
    responses: {
      200: { description: 'The task, its case and the instances added', content: { 'application/json': { schema: signersResultSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 404, 409),
      ...DECISION_FORBIDDEN,
    },
  });
  app.openapi(addSigners, async (c) => c.json(await runtime.addSigners(c.req.valid('param').id, c.get('viewer'), c.req.valid('json')), 200));

  const removeSigner = createRoute({
    method: 'post',
    path: '/tasks/{id}/remove-signer',
    tags: ['tasks'],
    summary: 'Remove an instance from its countersignature (减签), with a reason; the completion rule is applied again at once',
    description: 'The user who added it, or a manager over the case. When the instances left decide the node, the case moves on in the same request.',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: idParams, body: { required: true, content: { 'application/json': { schema: removeSignerBodySchema } } } },
    responses: {
      200: { description: 'The instance as closed (`removed`), the case, the tasks opened and closed', content: { 'application/json': { schema: signersResultSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409),
    },
  });
  app.openapi(removeSigner, async (c) => c.json(await runtime.removeSigner(c.req.valid('param').id, c.get('viewer'), c.req.valid('json')), 200));

  return app;
}
