import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { caseStatuses } from '../../db/schema/index.ts';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { caseDetailSchema, caseSchema, createCaseBodySchema, publicCaseSchema, supplementBodySchema } from '../schemas/case.schema.ts';
import { idParamSchema, pageQuerySchema } from '../schemas/common.schema.ts';
import { workflowKeyParamSchema } from '../schemas/definition.schema.ts';
import { BODY_ERRORS, errorResponses } from '../schemas/error.schema.ts';
import { INTAKE_SECURITY, USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link casesRoutes}. */
export interface CasesRoutesOptions {
  runtime: Pick<Runtime, 'createCase' | 'listCases' | 'getCase' | 'supplementCase' | 'getPublicCase'>;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

/** An `Idempotency-Key`: 1–200 visible ASCII characters, e.g. a UUID the caller drew. */
const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'An idempotency key holds only visible ASCII characters')
  .openapi({ example: '9b2f1c1e-3c57-4a8e-9a43-0f1f5d7c2b11' });

const caseParams = z.object({ id: idParamSchema.openapi({ param: { name: 'id', in: 'path' } }) });

/**
 * `POST /cases` (intake, with `Idempotency-Key`), `GET /cases`, `GET /cases/{id}` and
 * `POST /cases/{id}/supplement` (intake). Intake takes the citizen portal's `X-Api-Key` or a
 * user's token; the cases service decides who may file where and who sees which case.
 */
export function casesRoutes({ runtime, access, maxBodyBytes }: CasesRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const create = createRoute({
    method: 'post',
    path: '/cases',
    tags: ['cases'],
    summary: 'File an application: start a case on the latest version of a workflow',
    description:
      'The same `Idempotency-Key` from the same caller with the same body returns the case it first created, with 200 instead of 201, and starts nothing; with a different body, 422 `idempotency-key-reused`. Keys of different callers never meet. ' +
      '`data` is checked against the workflow’s `dataSchema`: 400 `invalid-case-data` naming `data.<path>` for a value it refuses, and for a key it does not declare (`details.reason` `unknown-field`). `applicant` holds only its listed fields (400 `invalid-input` naming `body.applicant.<field>`).',
    security: INTAKE_SECURITY,
    middleware: [access.intake(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: {
      headers: z.object({ 'Idempotency-Key': idempotencyKeySchema }),
      body: { required: true, content: { 'application/json': { schema: createCaseBodySchema } } },
    },
    responses: {
      201: { description: 'The case, created now', content: { 'application/json': { schema: caseSchema } } },
      200: { description: 'The case this key created before', content: { 'application/json': { schema: caseSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409, 422),
    },
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const { case: filed, created } = await runtime.createCase({
      definitionKey: body.definitionKey,
      jurisdiction: body.jurisdiction,
      applicant: body.applicant,
      data: body.data,
      idempotencyKey: c.req.valid('header')['Idempotency-Key'],
      actor: c.get('viewer'),
    });
    c.set('caseId', filed.id);
    c.header('Location', `/api/v1/cases/${encodeURIComponent(filed.id)}`);
    return created ? c.json(filed, 201) : c.json(filed, 200);
  });

  const list = createRoute({
    method: 'get',
    path: '/cases',
    tags: ['cases'],
    summary: "Cases in the caller's scope, newest first",
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: {
      query: pageQuerySchema.extend({
        status: z.enum(caseStatuses).optional(),
        definitionKey: workflowKeyParamSchema.optional(),
        jurisdiction: idParamSchema.optional().openapi({ description: 'Cases filed in this jurisdiction or below it' }),
      }),
    },
    responses: {
      200: {
        description: 'One page of cases and the total',
        content: { 'application/json': { schema: z.object({ items: z.array(caseSchema), total: z.number().int() }) } },
      },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(list, async (c) => {
    const { status, definitionKey, jurisdiction, limit, offset } = c.req.valid('query');
    const page = await runtime.listCases(c.get('viewer'), {
      limit,
      offset,
      ...(status !== undefined && { status }),
      ...(definitionKey !== undefined && { definitionKey }),
      ...(jurisdiction !== undefined && { jurisdiction }),
    });
    return c.json(page, 200);
  });

  const detail = createRoute({
    method: 'get',
    path: '/cases/{id}',
    tags: ['cases'],
    summary: 'A case with its tasks, timeline, active nodes and SLA',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { params: caseParams },
    responses: {
      200: { description: 'The case', content: { 'application/json': { schema: caseDetailSchema } } },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(detail, async (c) => c.json(await runtime.getCase(c.req.valid('param').id, c.get('viewer')), 200));

  const supplement = createRoute({
    method: 'post',
    path: '/cases/{id}/supplement',
    tags: ['cases'],
    summary: 'The applicant supplies what a 补正 asked for; the case resumes',
    description:
      'Through the portal (the API key that filed the case; another key gets 404) or recorded by a service-hall clerk as handed in at the window. Checked against the 补正: 400 `supplement-empty`, `supplement-unknown-field` and `supplement-field-not-requested` naming `data.<key>`, `supplement-incomplete` naming the field or `documents`; nothing is stored on a refusal.',
    security: INTAKE_SECURITY,
    middleware: [access.intake(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: {
      params: caseParams,
      body: { required: true, content: { 'application/json': { schema: supplementBodySchema } } },
    },
    responses: {
      200: { description: 'The case, resumed', content: { 'application/json': { schema: caseSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409),
    },
  });
  app.openapi(supplement, async (c) => {
    const { data, documents } = c.req.valid('json');
    const resumed = await runtime.supplementCase(
      c.req.valid('param').id,
      { data, ...(documents !== undefined && { documents }) },
      c.get('viewer'),
    );
    return c.json(resumed, 200);
  });

  const publicDetail = createRoute({
    method: 'get',
    path: '/intake/cases/{id}',
    tags: ['cases'],
    summary: 'A case as the applicant sees it: status, current steps, 补正 items, result, due dates',
    description:
      'For the intake API key that filed the case (another key gets 404 `case-not-found`), or a user who reads the case. Nothing internal: no idempotency fields, no clerks, no form data of the steps.',
    security: INTAKE_SECURITY,
    middleware: [access.intake()] as const,
    request: { params: caseParams },
    responses: {
      200: { description: 'The public face of the case', content: { 'application/json': { schema: publicCaseSchema } } },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(publicDetail, async (c) => c.json(await runtime.getPublicCase(c.req.valid('param').id, c.get('viewer')), 200));

  return app;
}
