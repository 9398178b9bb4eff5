import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { webhookDeliveries, webhookSubscriptions } from '../db/schema/index.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhookBody } from './webhook-signature.ts';

/** Characters of a receiver's answer kept on the delivery. */
export const RESPONSE_EXCERPT_LENGTH = 200;
/** Longest one attempt may take, ms, by default. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

/** Options of {@link deliverWebhook}. */
export interface DeliverWebhookOptions {
  db: Db;
  /** Longest one attempt may take (connect, send, answer), ms. */
  timeoutMs: number;
}

/** An attempt that did not deliver: BullMQ retries it, or it was the last. */
export class WebhookAttemptFailed extends Error {
  override readonly name = 'WebhookAttemptFailed';
}

/**
 * Makes attempt `attempt` of delivery `deliveryId`: POSTs its body, signed, with its delivery id
 * and event in headers, and records the outcome on the row (attempts, last status and error, the
 * first {@link RESPONSE_EXCERPT_LENGTH} characters of the answer). A 2xx answer delivers it; any
 * other answer, a refused connection or a timeout throws {@link WebhookAttemptFailed}, so the queue
 * retries, and after the `last` attempt the delivery is `failed`. A delivery already made, or whose
 * subscription was deleted, is not attempted.
 */
export async function deliverWebhook(options: DeliverWebhookOptions, deliveryId: string, attempt: number, last: boolean): Promise<string> {
  const { db } = options;
  const [found] = await db
    .select({ delivery: webhookDeliveries, subscription: webhookSubscriptions })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!found) return 'unknown delivery';
  const { delivery, subscription } = found;
  if (delivery.status !== 'pending') return `already ${delivery.status}`;
  if (subscription.deletedAt !== null) {
    await db.update(webhookDeliveries).set({ status: 'failed', lastError: 'subscription deleted' }).where(eq(webhookDeliveries.id, deliveryId));
    return 'subscription deleted';
  }
  const timestamp = Math.floor(Date.now() / 1000);
  let statusCode: number | null = null;
  let excerpt: string | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(subscription.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Tongban-Webhooks',
        [SIGNATURE_HEADER]: signWebhookBody(subscription.secret, timestamp, delivery.body),
        [DELIVERY_HEADER]: delivery.id,
        [EVENT_HEADER]: delivery.event,
      },
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    statusCode = response.status;
    excerpt = await readExcerpt(response);
    if (response.status < 200 || response.status > 299) error = `HTTP ${response.status}`;
  } catch (cause) {
    error = cause instanceof Error && cause.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : describe(cause);
  }
  const now = new Date();
  const status = error === null ? 'delivered' : last ? 'failed' : 'pending';
  await db
    .update(webhookDeliveries)
    .set({
      status,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastStatusCode: statusCode,
      lastError: error,
      lastResponseExcerpt: excerpt,
      lastAttemptAt: now,
      ...(error === null ? { deliveredAt: now } : {}),
    })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'pending')));
  if (error !== null) throw new WebhookAttemptFailed(`Delivery '${deliveryId}' attempt ${attempt}: ${error}`);
  return `delivered on attempt ${attempt}`;
}

/** The first {@link RESPONSE_EXCERPT_LENGTH} characters of an answer; the rest is not read. */
async function readExcerpt(response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < RESPONSE_EXCERPT_LENGTH) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text.slice(0, RESPONSE_EXCERPT_LENGTH);
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`.slice(0, 500);
}
