import type { InferSelectModel } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

/**
 * Events a webhook subscriber can receive about the cases its API key filed (docs/webhooks.md):
 * `case.accepted` (受理), `case.supplementRequested` (补正 asked for), `case.completed` (the result).
 */
export const webhookEvents = ['case.accepted', 'case.supplementRequested', 'case.completed'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/**
 * A webhook of the citizen portal: the API key that owns it (`apiKeyId`, never the key), where
 * deliveries go, the secret they are signed with, and the events it wants.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: text('id').primaryKey(),
    apiKeyId: text('api_key_id').notNull(),
    url: text('url').notNull(),
    /** The HMAC-SHA256 key of the `Tongban-Signature` header; never sent back after creation. */
    secret: text('secret').notNull(),
    events: text('events', { enum: webhookEvents }).array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When its owner deleted it: no new delivery is made for it. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('webhook_subscriptions_key_idx').on(t.apiKeyId)],
);
export type WebhookSubscriptionRow = InferSelectModel<typeof webhookSubscriptions>;

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/**
 * One event sent to one subscription: the truth behind its BullMQ job (job id = delivery id, which
 * the receiver gets in `Tongban-Delivery` on every attempt). `body` is the exact JSON text signed.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    event: text('event', { enum: webhookEvents }).notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: webhookDeliveryStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** HTTP status of the last attempt's answer, null when none came (refused, timed out). */
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    /** The first characters of the last answer's body, no more. */
    lastResponseExcerpt: text('last_response_excerpt'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt), index('webhook_deliveries_status_idx').on(t.status)],
);
export type WebhookDeliveryRow = InferSelectModel<typeof webhookDeliveries>;
