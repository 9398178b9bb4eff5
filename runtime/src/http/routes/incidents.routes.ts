import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { incidentKinds, incidentStatuses } from '../../db/schema/index.ts';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { idParamSchema, pageQuerySchema } from '../schemas/common.schema.ts';
import { errorResponses } from '../schemas/error.schema.ts';
import { incidentSchema } from '../schemas/incident.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link incidentsRoutes}. */
export interface IncidentsRoutesOptions {
  runtime: Pick<Runtime, 'listIncidents' | 'retryIncident'>;
  access: Access;
}

const incidentParams = z.object({ id: idParamSchema.openapi({ param: { name: 'id', in: 'path' } }) });

/**
 * `GET /incidents` (service tasks whose invocation failed after its retries, and FEEL expressions
 * that exceeded their budget, in the caller's jurisdiction subtree; `?kind=` filters) and `POST /incidents/{id}/retry` (the service invoked anew; the incident
 * is resolved when it succeeds). Managers and admins only.
 */
export function incidentsRoutes({ runtime, access }: IncidentsRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const list = createRoute({
    method: 'get',
    path: '/incidents',
    tags: ['incidents'],
    summary: "Incidents of cases in the caller's jurisdiction subtree, newest first",
    security: USER_SECURITY,
    middleware: [access.user(['manager', 'admin'])] as const,
    request: {
      query: pageQuerySchema.extend({
        status: z.enum(incidentStatuses).optional(),
        kind: z.enum(incidentKinds).optional(),
        caseId: idParamSchema.optional(),
      }),
    },
    responses: {
      200: {
        description: 'One page of incidents and the total',
        content: { 'application/json': { schema: z.object({ items: z.array(incidentSchema), total: z.number().int() }) } },
      },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(list, async (c) => {
    const { status, kind, caseId, limit, offset } = c.req.valid('query');
    const page = await runtime.listIncidents(c.get('viewer'), {
      limit,
      offset,
      ...(status !== undefined && { status }),
      ...(kind !== undefined && { kind }),
      ...(caseId !== undefined && { caseId }),
    });
    return c.json(page, 200);
  });

  const retry = createRoute({
    method: 'post',
    path: '/incidents/{id}/retry',
    tags: ['incidents'],
    summary: 'Retry an incident: the service task invokes its service anew, with its retry policy (no body)',
    description:
      'Answers 202: the invocation runs on the services queue; the incident is resolved when it succeeds, and stays open with the new error when it fails after its retries. An incident of kind `feel` answers 409 `incident-not-retryable`: the step it stopped is sent again (the task completed with other data), and the incident is resolved when a step of its case succeeds.',
    security: USER_SECURITY,
    middleware: [access.user(['manager', 'admin'])] as const,
    request: { params: incidentParams },
    responses: {
      202: { description: 'The incident, its new invocation queued', content: { 'application/json': { schema: incidentSchema } } },
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(retry, async (c) => c.json(await runtime.retryIncident(c.req.valid('param').id, c.get('viewer')), 202));

  return app;
}
