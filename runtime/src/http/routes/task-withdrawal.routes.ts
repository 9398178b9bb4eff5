import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { idParamSchema } from '../schemas/common.schema.ts';
import { BODY_ERRORS, errorBodySchema, errorResponses } from '../schemas/error.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';
import { withdrawBodySchema, withdrawResultSchema } from '../schemas/task-operation.schema.ts';

/** Options of {@link taskWithdrawalRoutes}. */
export interface TaskWithdrawalRoutesOptions {
  runtime: Pick<Runtime, 'withdrawTask'>;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

const idParams = z.object({ id: idParamSchema.openapi({ param: { name: 'id', in: 'path' } }) });

/** `POST /tasks/{id}/withdraw` (撤回) (docs: runtime/README.md). */
export function taskWithdrawalRoutes({ runtime, access, maxBodyBytes }: TaskWithdrawalRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();
  const withdraw = createRoute({
    method: 'post',
    path: '/tasks/{id}/withdraw',
    tags: ['tasks'],
    summary: 'Withdraw a task one has just completed (撤回) while the tasks it opened are untouched; reason optional',
    description:
      'The clerk who completed it. The next tasks close `withdrawn` (never counted as met), their timers end, and the completed step is entered again as for a return: a new activation, claimed by the clerk, its limits counted afresh. ' +
      'Checked in this order: 409 `task-not-completed` for a task that is not completed (open, claimed, or closed undecided: there is nothing to take back, whoever asks); 403 `withdraw-forbidden` for a task someone else completed; ' +
      '409 `withdraw-too-late` once a next task was claimed, commented, handed on or asked a 补正, once the case moved on or ended (`details.rule`); 409 `withdraw-not-supported` when the completion opened a countersignature or several steps at once, or for a signer’s approval.',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: idParams, body: { required: true, content: { 'application/json': { schema: withdrawBodySchema } } } },
    responses: {
      200: { description: 'The task reopened, and the next tasks closed', content: { 'application/json': { schema: withdrawResultSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 404, 409),
      403: {
        description: '`withdraw-forbidden`: the task was completed by someone else; only the clerk who completed it withdraws it. `api-key-not-allowed` for an API key',
        content: { 'application/json': { schema: errorBodySchema } },
      },
    },
  });
  app.openapi(withdraw, async (c) => {
    const { reason } = c.req.valid('json');
    return c.json(await runtime.withdrawTask(c.req.valid('param').id, c.get('viewer'), reason === undefined ? {} : { reason }), 200);
  });
  return app;
}
