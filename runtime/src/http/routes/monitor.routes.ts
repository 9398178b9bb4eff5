import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { idParamSchema, pageQuerySchema } from '../schemas/common.schema.ts';
import { errorBodySchema, errorResponses } from '../schemas/error.schema.ts';
import {
  departmentLoadSchema,
  districtHandlingSchema,
  escalationSchema,
  heatQuerySchema,
  monitoredTaskSchema,
  nodeHeatSchema,
  seriesDaySchema,
  seriesQuerySchema,
} from '../schemas/monitor.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';
import { forecastAnswerSchema, forecastRequestSchema } from '../schemas/forecast.schema.ts';
import { jsonBody } from '../middleware/json-body.ts';

/** Options of {@link monitorRoutes}. */
export interface MonitorRoutesOptions {
  runtime: Pick<Runtime, 'listOverdue' | 'listAtRisk' | 'listEscalations' | 'monitorLoad' | 'nodeHeat' | 'dailySeries' | 'forecast'>;
  access: Access;
  maxBodyBytes: number;
}

const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/**
 * `GET /monitor/overdue`, `/monitor/at-risk` and `/monitor/escalations` (pages in the caller's
 * scope: a clerk's department, a manager's or supervisor's jurisdiction subtree), and figures
 * counted over every task in that scope: `/monitor/load` (open, at-risk, overdue, met and
 * breached tasks and the median handling time per department, the median per district),
 * `/monitor/heat` (per node of a workflow version) and `/monitor/series` (per day); and
 * `POST /monitor/forecast` (managers: the open cases of their jurisdiction run forward).
 */
export function monitorRoutes({ runtime, access, maxBodyBytes }: MonitorRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const listQuery = pageQuerySchema.extend({
    departmentId: idParamSchema.optional().openapi({ description: 'Only tasks of this department' }),
    definitionKey: idParamSchema.optional().openapi({ description: 'Only tasks of cases of this workflow' }),
    nodeId: idParamSchema.optional().openapi({ description: 'Only tasks of this node (step)' }),
  });
  /** A paged list of the caller's scope: the monitor lists differ only in path, summary, query and row. */
  const pagedList = <Q extends typeof pageQuerySchema, T extends z.ZodTypeAny>(path: string, summary: string, query: Q, row: T) =>
    createRoute({
      method: 'get',
      path,
      tags: ['monitor'],
      summary,
      security: USER_SECURITY,
      middleware: [access.user()] as const,
      request: { query },
      responses: {
        200: { description: 'One page and the total', content: { 'application/json': { schema: pageOf(row) } } },
        ...errorResponses(400, 401, 403),
      },
    });
  /** The overdue and at-risk lists: paged, filtered by department, workflow and node. */
  const taskList = (path: string, summary: string) => pagedList(path, summary, listQuery, monitoredTaskSchema);
  const overdue = taskList('/monitor/overdue', 'Open tasks past their statutory limit, longest overdue first');
  app.openapi(overdue, async (c) => c.json(await runtime.listOverdue(c.get('viewer'), c.req.valid('query')), 200));

  const atRisk = taskList('/monitor/at-risk', 'Open tasks past their promised limit, not yet overdue, soonest statutory limit first');
  app.openapi(atRisk, async (c) => c.json(await runtime.listAtRisk(c.get('viewer'), c.req.valid('query')), 200));

  const escalations = pagedList('/monitor/escalations', 'Escalated breaches the caller sees, newest first', pageQuerySchema, escalationSchema);
  app.openapi(escalations, async (c) => c.json(await runtime.listEscalations(c.get('viewer'), c.req.valid('query')), 200));

  const load = createRoute({
    method: 'get',
    path: '/monitor/load',
    tags: ['monitor'],
    summary: 'Open, at-risk, overdue, met and breached tasks and the median handling time per department in the caller’s scope',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    responses: {
      200: {
        description: 'One row per department, and the median handling time per district',
        content: {
          'application/json': { schema: z.object({ items: z.array(departmentLoadSchema), districts: z.array(districtHandlingSchema) }) },
        },
      },
      ...errorResponses(401, 403),
    },
  });
  app.openapi(load, async (c) => c.json(await runtime.monitorLoad(c.get('viewer')), 200));

  const heat = createRoute({
    method: 'get',
    path: '/monitor/heat',
    tags: ['monitor'],
    summary: 'Open, at-risk, overdue and decided tasks and the mean handling time per node of a workflow version, in the caller’s scope',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { query: heatQuerySchema },
    responses: {
      200: {
        description: 'Figures by node id; nodes without a task in scope are left out',
        content: { 'application/json': { schema: z.object({ nodes: z.record(z.string(), nodeHeatSchema) }) } },
      },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(heat, async (c) => {
    const { definitionKey, version } = c.req.valid('query');
    return c.json(await runtime.nodeHeat(c.get('viewer'), definitionKey, version), 200);
  });

  const series = createRoute({
    method: 'get',
    path: '/monitor/series',
    tags: ['monitor'],
    summary: 'Created, decided, open, met and breached tasks per day (Asia/Shanghai days of cn-mainland) in the caller’s scope',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    request: { query: seriesQuerySchema },
    responses: {
      200: {
        description: 'One entry per day, oldest first',
        content: { 'application/json': { schema: z.object({ days: z.array(seriesDaySchema) }) } },
      },
      ...errorResponses(400, 401, 403),
    },
  });
  app.openapi(series, async (c) => c.json(await runtime.dailySeries(c.get('viewer'), c.req.valid('query')), 200));

  const forecast = createRoute({
    method: 'post',
    path: '/monitor/forecast',
    tags: ['monitor'],
    summary: 'Each open task’s probability of breaching its statutory limit within a horizon of working days, and departments ranked by expected breaches, as things are and under a what-if (managers, their jurisdiction)',
    description:
      'The open cases of the manager’s jurisdiction subtree, read in one read-only transaction, run forward on a virtual clock `runs` times (Monte Carlo, seeded) with the engine’s step and each department’s measured work (decisions per clerk per working day, handling times); a department with fewer than 20 recorded decisions takes the simulation profile’s figures, and the answer names it. Nothing is written. The runs are computed in a worker thread, a few forecasts at a time, each within a budget of time and memory. ' +
      'A what-if names departments of the caller’s jurisdiction only: 400 `unknown-department` for one that does not exist, 403 `department-out-of-scope` for another jurisdiction’s, each naming the field (`whatIf.clerks.<id>`, `whatIf.closures[<i>].departmentId`).',
    security: USER_SECURITY,
    middleware: [access.user(['manager']), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { body: { required: true, content: { 'application/json': { schema: forecastRequestSchema } } } },
    responses: {
      200: { description: 'The forecast', content: { 'application/json': { schema: forecastAnswerSchema } } },
      ...errorResponses(400, 401, 403, 413, 415),
      503: {
        description:
          '`forecast-busy`: as many forecasts are being computed as the runtime allows; `Retry-After` says when to try again. `forecast-budget-exceeded`: the forecast outlasted its time or outgrew its memory and was stopped (`details.limit`); ask for fewer runs, a shorter horizon or no what-if',
        content: { 'application/json': { schema: errorBodySchema } },
      },
    },
  });
  app.openapi(forecast, async (c) => c.json(await runtime.forecast(c.get('viewer'), c.req.valid('json')), 200));

  return app;
}
