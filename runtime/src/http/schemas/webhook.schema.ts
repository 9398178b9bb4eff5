import { z } from '@hono/zod-openapi';
import { webhookDeliveryStatuses, webhookEvents } from '../../db/schema/index.ts';
import { MAX_WEBHOOK_URL_LENGTH } from '../../webhooks/webhook-url.ts';
import { nullableTimestampSchema, timestampSchema } from './timestamp.schema.ts';

/** `POST /webhooks`. */
export const subscribeBodySchema = z
  .strictObject({
    url: z.string().min(1).max(MAX_WEBHOOK_URL_LENGTH).openapi({ description: 'Where deliveries are POSTed: http or https, no credentials, no fragment, a public host (not a private address or localhost)', example: 'https://portal.example.gov.cn/hooks/tongban' }),
    secret: z.string().min(16).max(200).openapi({ description: 'Key of the HMAC-SHA256 signature in `Tongban-Signature`; never sent back', example: 'whsec-2f7c9a1e5b3d4c6f' }),
    events: z.array(z.enum(webhookEvents)).min(1).max(webhookEvents.length).openapi({ description: 'Events wanted', example: ['case.accepted', 'case.completed'] }),
  })
  .openapi('WebhookSubscribeRequest');

/** A subscription as its owner reads it (never the secret). */
export const webhookSubscriptionSchema = z
  .object({ id: z.string(), url: z.string(), events: z.array(z.enum(webhookEvents)), createdAt: timestampSchema })
  .openapi('WebhookSubscription');

/** One delivery of one event to one subscription. */
export const webhookDeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'The delivery id, sent in `Tongban-Delivery` on every attempt' }),
    subscriptionId: z.string(),
    caseId: z.string(),
    event: z.enum(webhookEvents),
    body: z.unknown().openapi({ description: 'The JSON body sent (and signed)' }),
    status: z.enum(webhookDeliveryStatuses),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastResponseExcerpt: z.string().nullable().openapi({ description: 'The first 200 characters of the last answer' }),
    createdAt: timestampSchema,
    lastAttemptAt: nullableTimestampSchema,
    deliveredAt: nullableTimestampSchema,
  })
  .openapi('WebhookDelivery');
