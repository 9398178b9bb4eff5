import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { resumeBodySchema, suspendBodySchema, withdrawBodySchema } from '../schemas/case-operation.schema.ts';
import { caseSchema } from '../schemas/case.schema.ts';
import { idParamSchema } from '../schemas/common.schema.ts';
import { BODY_ERRORS, errorResponses } from '../schemas/error.schema.ts';
import { INTAKE_SECURITY, USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link caseOperationsRoutes}. */
export interface CaseOperationsRoutesOptions {
  runtime: Pick<Runtime, 'withdrawCase' | 'suspendCase' | 'resumeCase'>;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

const caseParams = z.object({ id: idParamSchema.openapi({ param: { name: 'id', in: 'path' } }) });

/**
 * `POST /cases/{id}/withdraw` (the applicant, through the portal or a service-hall clerk),
 * `POST /cases/{id}/suspend` and `POST /cases/{id}/resume` (a period the law does not count,
 * ordered by the clerk of a task of the case or by a manager).
 */
export function caseOperationsRoutes({ runtime, access, maxBodyBytes }: CaseOperationsRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const withdraw = createRoute({
    method: 'post',
    path: '/cases/{id}/withdraw',
    tags: ['cases'],
    summary: 'The applicant withdraws the application: open tasks close, the case ends withdrawn',
    security: INTAKE_SECURITY,
    middleware: [access.intake(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: caseParams, body: { required: true, content: { 'application/json': { schema: withdrawBodySchema } } } },
    responses: {
      200: { description: 'The case, ended withdrawn', content: { 'application/json': { schema: caseSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409),
    },
  });
  app.openapi(withdraw, async (c) => {
    const { reason } = c.req.valid('json');
    return c.json(await runtime.withdrawCase(c.req.valid('param').id, reason === undefined ? {} : { reason }, c.get('viewer')), 200);
  });

  const suspend = createRoute({
    method: 'post',
    path: '/cases/{id}/suspend',
    tags: ['cases'],
    summary: 'Suspend the case for a period the law does not count: every clock stops',
    description: 'Tasks stay open but cannot be completed until `POST /cases/{id}/resume`; each clock then resumes with the time it had left.',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: caseParams, body: { required: true, content: { 'application/json': { schema: suspendBodySchema } } } },
    responses: {
      200: { description: 'The case, suspended', content: { 'application/json': { schema: caseSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409),
    },
  });
  app.openapi(suspend, async (c) => {
    const { reason, taskId, comment } = c.req.valid('json');
    const suspended = await runtime.suspendCase(
      c.req.valid('param').id,
      { reason, ...(taskId !== undefined && { taskId }), ...(comment !== undefined && { comment }) },
      c.get('viewer'),
    );
    return c.json(suspended, 200);
  });

  const resume = createRoute({
    method: 'post',
    path: '/cases/{id}/resume',
    tags: ['cases'],
    summary: 'End a suspension for an uncounted period: the clocks run on with the time they had left',
    security: USER_SECURITY,
    middleware: [access.user(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { params: caseParams, body: { required: true, content: { 'application/json': { schema: resumeBodySchema } } } },
    responses: {
      200: { description: 'The case, running again', content: { 'application/json': { schema: caseSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409),
    },
  });
  app.openapi(resume, async (c) => {
    const { data, comment } = c.req.valid('json');
    const resumed = await runtime.resumeCase(
      c.req.valid('param').id,
      { ...(data !== undefined && { data }), ...(comment !== undefined && { comment }) },
      c.get('viewer'),
    );
    return c.json(resumed, 200);
  });

  return app;
}
