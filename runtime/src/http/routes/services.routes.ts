import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { errorResponses } from '../schemas/error.schema.ts';
import { USER_SECURITY } from '../schemas/security.ts';

/** Options of {@link servicesRoutes}. */
export interface ServicesRoutesOptions {
  runtime: Pick<Runtime, 'listServices'>;
  access: Access;
}

const serviceParamSchema = z
  .object({
    name: z.string().openapi({ description: 'The key under the serviceTask\'s `implementation.params`', example: 'resultField' }),
    type: z.enum(['string', 'number', 'boolean']),
    required: z.boolean(),
    default: z.union([z.string(), z.number(), z.boolean()]).optional().openapi({ description: 'What the handler uses when the parameter is absent' }),
    description: z.string(),
  })
  .openapi('ServiceParam');

const serviceSchema = z
  .object({
    name: z.string().openapi({ description: 'What a serviceTask names as `implementation.handler`', example: 'verify-business-licence' }),
    description: z.string(),
    params: z.array(serviceParamSchema),
  })
  .openapi('Service');

/**
 * `GET /services`: the service handlers this runtime has registered, each with the parameters it
 * takes, which the designer offers for a serviceTask. Any signed-in user may read them.
 */
export function servicesRoutes({ runtime, access }: ServicesRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();
  const listServices = createRoute({
    method: 'get',
    path: '/services',
    tags: ['definitions'],
    summary: 'The service handlers a serviceTask can name, with their parameters',
    security: USER_SECURITY,
    middleware: [access.user()] as const,
    responses: {
      200: {
        description: 'Registered services, by name',
        content: { 'application/json': { schema: z.object({ items: z.array(serviceSchema) }) } },
      },
      ...errorResponses(401, 403),
    },
  });
  app.openapi(listServices, (c) => c.json({ items: runtime.listServices() }, 200));
  return app;
}
