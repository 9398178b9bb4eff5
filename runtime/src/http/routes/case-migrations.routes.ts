import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { workflowKeyParamSchema } from '../schemas/definition.schema.ts';
import { BODY_ERRORS, errorResponses } from '../schemas/error.schema.ts';
import { migrationInputSchema, migrationReportSchema } from '../schemas/migration.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';
import { PUBLISHER_ROLES } from './definitions.routes.ts';

/** Options of {@link caseMigrationsRoutes}. */
export interface CaseMigrationsRoutesOptions {
  runtime: Pick<Runtime, 'planCaseMigration' | 'applyCaseMigration'>;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

const keyParams = z.object({ key: workflowKeyParamSchema.openapi({ param: { name: 'key', in: 'path' } }) });

/**
 * `POST /definitions/{key}/migrations/dry-run` and `POST /definitions/{key}/migrations`: running
 * cases move to a later version by a node mapping (`designer` or `admin`).
 */
export function caseMigrationsRoutes({ runtime, access, maxBodyBytes }: CaseMigrationsRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();
  const request = { params: keyParams, body: { required: true, content: { 'application/json': { schema: migrationInputSchema } } } } as const;

  const dryRun = createRoute({
    method: 'post',
    path: '/definitions/{key}/migrations/dry-run',
    tags: ['definitions'],
    summary: 'What moving running cases to a later version by a node mapping would do, changing nothing',
    description:
      'For each chosen case: `ready` or `refused` with the reason, each open task or waiting activity `kept`, `mapped` or `refused`, ' +
      'each live timer `kept`, `recounted` (from its start, on the case\'s calendar), `cancelled` or `armed`.',
    security: USER_SECURITY,
    middleware: [access.user(PUBLISHER_ROLES), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request,
    responses: {
      200: { description: 'The plan, case by case', content: { 'application/json': { schema: migrationReportSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403, 404),
    },
  });
  app.openapi(dryRun, async (c) => {
    const body = c.req.valid('json');
    return c.json(await runtime.planCaseMigration({ key: c.req.valid('param').key, ...body }), 200);
  });

  const apply = createRoute({
    method: 'post',
    path: '/definitions/{key}/migrations',
    tags: ['definitions'],
    summary: 'Move running cases to a later version by a node mapping',
    description:
      'Each case moves in its own transaction with its row locked, checked again there; one refused stays where it is and says why. ' +
      'Tasks keep their rows, assignees and SLA history; each moved case records `case.migrated` in its audit trail.',
    security: USER_SECURITY,
    middleware: [access.user(PUBLISHER_ROLES), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request,
    responses: {
      200: { description: 'What happened, case by case', content: { 'application/json': { schema: migrationReportSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 403, 404),
    },
  });
  app.openapi(apply, async (c) => {
    const body = c.req.valid('json');
    return c.json(await runtime.applyCaseMigration({ key: c.req.valid('param').key, ...body }, c.get('viewer').userId ?? null), 200);
  });

  return app;
}
