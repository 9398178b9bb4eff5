import { and, eq, sql } from 'drizzle-orm';
import { fetch, type Dispatcher, type Response } from 'undici';
import type { Db } from '../db/client.ts';
import { webhookDeliveries, webhookSubscriptions, type WebhookDeliveryRow, type WebhookSubscriptionRow } from '../db/schema/index.ts';
import { addressRefusalOf, describeRefusals, readBodyWithin, type EgressPolicy } from '../egress/index.ts';
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
  /** Where deliveries may go: the host of a URL is checked before anything is sent. */
  policy: EgressPolicy;
  /** The dispatcher the requests go through: `createEgressDispatcher` of `policy`, which checks every address a host resolves to. */
  dispatcher: Dispatcher;
}

/** An attempt that did not deliver: BullMQ retries it, or it was the last. */
export class WebhookAttemptFailed extends Error {
  override readonly name = 'WebhookAttemptFailed';
}

/**
 * Makes attempt `attemptNumber` of delivery `deliveryId`: POSTs its body, signed, with its delivery id
 * and event in headers, and records the outcome on the row (attempts, last status and error, the
 * first {@link RESPONSE_EXCERPT_LENGTH} characters of the answer). A 2xx answer delivers it; any
 * other answer, a refused connection or a timeout throws {@link WebhookAttemptFailed}, so the queue
 * retries, and after the `last` attempt the delivery is `failed`. A delivery already made, or whose
 * subscription was deleted, is not attempted.
 *
 * A target the address policy refuses (its host a private address or `localhost`, or a name that
 * resolves only to such addresses when connecting) is never contacted: the attempt is recorded
 * and the delivery ends `failed` at once, with the refused address as its last error, since no
 * retry would reach it.
 */
export async function deliverWebhook(options: DeliverWebhookOptions, deliveryId: string, attemptNumber: number, last: boolean): Promise<string> {
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
  const { statusCode, excerpt, error, refused } = await attempt(options, subscription, delivery);
  const now = new Date();
  const status = error === null ? 'delivered' : last || refused ? 'failed' : 'pending';
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
  if (refused) return `not delivered: ${error}`;
  if (error !== null) throw new WebhookAttemptFailed(`Delivery '${deliveryId}' attempt ${attemptNumber}: ${error}`);
  return `delivered on attempt ${attemptNumber}`;
}

/** What one attempt gave: the answer's status and start, or why it failed; `refused` when the address policy stopped it. */
interface AttemptResult {
  statusCode: number | null;
  excerpt: string | null;
  error: string | null;
  refused: boolean;
}

/** POSTs the delivery's body, signed, unless the policy refuses the URL's host. */
async function attempt(options: DeliverWebhookOptions, subscription: WebhookSubscriptionRow, delivery: WebhookDeliveryRow): Promise<AttemptResult> {
  const refusedHost = options.policy.refusalOfHost(new URL(subscription.url).hostname);
  if (refusedHost !== undefined) return refusedAttempt(`${refusedHost.address} is a ${refusedHost.range} address`);
  const timestamp = Math.floor(Date.now() / 1000);
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
      dispatcher: options.dispatcher,
    });
    const excerpt = await readExcerpt(response);
    const error = response.status < 200 || response.status > 299 ? `HTTP ${response.status}` : null;
    return { statusCode: response.status, excerpt, error, refused: false };
  } catch (cause) {
    const refusedAddresses = refusedAddressesOf(cause);
    if (refusedAddresses !== undefined) return refusedAttempt(refusedAddresses);
    const error = cause instanceof Error && cause.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : describe(cause);
    return { statusCode: null, excerpt: null, error, refused: false };
  }
}

function refusedAttempt(why: string): AttemptResult {
  return { statusCode: null, excerpt: null, error: `refused: ${why}; webhooks are delivered to public addresses only`, refused: true };
}

/** The addresses the dispatcher refused to connect to, in words, when that is why `cause` failed. */
function refusedAddressesOf(cause: unknown): string | undefined {
  const refused = addressRefusalOf(cause);
  return refused && `'${refused.hostname}' resolves to ${describeRefusals(refused.refusals)}`;
}

/** The first {@link RESPONSE_EXCERPT_LENGTH} characters of an answer; the rest is not read. */
async function readExcerpt(response: Response): Promise<string> {
  const { text } = await readBodyWithin(response, RESPONSE_EXCERPT_LENGTH * 4);
  return text.slice(0, RESPONSE_EXCERPT_LENGTH);
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`.slice(0, 500);
}
