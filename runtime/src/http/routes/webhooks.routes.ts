import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '../../runtime.ts';
import { createRouter } from '../create-router.ts';
import type { HttpEnv } from '../http-env.ts';
import type { Access } from '../middleware/access.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { idParamSchema, pageQuerySchema } from '../schemas/common.schema.ts';
import { BODY_ERRORS, errorResponses } from '../schemas/error.schema.ts';
import { API_KEY_SECURITY } from '../schemas/security.ts';
import { subscribeBodySchema, webhookDeliverySchema, webhookSubscriptionSchema } from '../schemas/webhook.schema.ts';

/** Options of {@link webhooksRoutes}. */
export interface WebhooksRoutesOptions {
  runtime: Pick<Runtime, 'subscribeWebhook' | 'listWebhooks' | 'deleteWebhook' | 'listWebhookDeliveries'>;
  access: Access;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

const idParams = z.object({ id: idParamSchema.openapi({ param: { name: 'id', in: 'path' } }) });
const NOT_A_KEY = {
  403: {
    description: '`api-key-required`: webhooks belong to an intake API key, and a user’s token holds none',
    content: errorResponses(403)[403].content,
  },
} as const;

/**
 * The citizen portal's webhooks (docs/webhooks.md): with its intake API key it subscribes URLs to
 * the events of the cases it filed, lists and deletes them, and reads each one's deliveries.
 */
export function webhooksRoutes({ runtime, access, maxBodyBytes }: WebhooksRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = createRouter();

  const subscribe = createRoute({
    method: 'post',
    path: '/webhooks',
    tags: ['webhooks'],
    summary: 'Subscribe a webhook to events of the cases this API key filed',
    description:
      'Deliveries are POSTed as JSON, signed in `Tongban-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, named in `Tongban-Delivery` ' +
      '(the same on every retry) and `Tongban-Event`; a non-2xx answer or none within the timeout is retried with exponential backoff. At most 10 per key. ' +
      '400 `invalid-webhook-url` (`details.field` `url`) names the reason: `scheme`, `credentials`, `fragment`, `not-a-url`, `too-long`, or `private-address` for a host that is a loopback, private, link-local, unique-local, multicast or unspecified address or `localhost` (`details.range`); ' +
      'a host name that resolves only to such addresses when a delivery is made is not contacted, and the delivery fails at once. The operator allows private hosts in `TONGBAN_WEBHOOK_ALLOWED_HOSTS`.',
    security: API_KEY_SECURITY,
    middleware: [access.intake(), jsonBody({ maxBytes: maxBodyBytes })] as const,
    request: { body: { required: true, content: { 'application/json': { schema: subscribeBodySchema } } } },
    responses: {
      201: { description: 'The subscription', content: { 'application/json': { schema: webhookSubscriptionSchema } } },
      ...errorResponses(...BODY_ERRORS, 401, 409),
      ...NOT_A_KEY,
    },
  });
  app.openapi(subscribe, async (c) => c.json(await runtime.subscribeWebhook(c.get('viewer'), c.req.valid('json')), 201));

  const list = createRoute({
    method: 'get',
    path: '/webhooks',
    tags: ['webhooks'],
    summary: 'This API key’s webhooks',
    security: API_KEY_SECURITY,
    middleware: [access.intake()] as const,
    responses: {
      200: { description: 'The subscriptions, newest first', content: { 'application/json': { schema: z.object({ items: z.array(webhookSubscriptionSchema) }) } } },
      ...errorResponses(401),
      ...NOT_A_KEY,
    },
  });
  app.openapi(list, async (c) => c.json({ items: await runtime.listWebhooks(c.get('viewer')) }, 200));

  const remove = createRoute({
    method: 'delete',
    path: '/webhooks/{id}',
    tags: ['webhooks'],
    summary: 'Delete a webhook: no delivery is made for it any more',
    security: API_KEY_SECURITY,
    middleware: [access.intake()] as const,
    request: { params: idParams },
    responses: {
      204: { description: 'Deleted' },
      ...errorResponses(400, 401, 404),
      ...NOT_A_KEY,
    },
  });
  app.openapi(remove, async (c) => {
    await runtime.deleteWebhook(c.get('viewer'), c.req.valid('param').id);
    return c.body(null, 204);
  });

  const deliveries = createRoute({
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    tags: ['webhooks'],
    summary: 'A webhook’s deliveries, newest first: status, attempts, last error',
    security: API_KEY_SECURITY,
    middleware: [access.intake()] as const,
    request: { params: idParams, query: pageQuerySchema },
    responses: {
      200: { description: 'One page of deliveries and the total', content: { 'application/json': { schema: z.object({ items: z.array(webhookDeliverySchema), total: z.number().int() }) } } },
      ...errorResponses(400, 401, 404),
      ...NOT_A_KEY,
    },
  });
  app.openapi(deliveries, async (c) => {
    const { limit, offset } = c.req.valid('query');
    return c.json(await runtime.listWebhookDeliveries(c.get('viewer'), c.req.valid('param').id, { limit, offset }), 200);
  });

  return app;
}
