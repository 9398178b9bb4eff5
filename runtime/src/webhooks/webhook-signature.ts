import { createHmac } from 'node:crypto';

/** The header a delivery's signature travels in. */
export const SIGNATURE_HEADER = 'Tongban-Signature';
/** The header naming the delivery: the same on every attempt, so a receiver acts on it once. */
export const DELIVERY_HEADER = 'Tongban-Delivery';
/** The header naming the event. */
export const EVENT_HEADER = 'Tongban-Event';

/**
 * The `Tongban-Signature` value of `body` sent at `timestamp` (Unix seconds):
 * `t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<body>" keyed by the secret>`.
 * The timestamp is signed with the body, so a receiver can refuse an old delivery replayed.
 */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${mac}`;
}
