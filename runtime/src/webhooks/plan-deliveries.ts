import { and, arrayContains, eq, isNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { webhookDeliveries, webhookSubscriptions } from '../db/schema/index.ts';
import type { Tx } from '../cases/transaction.ts';
import type { WebhookNotice } from './webhook-events-of.ts';

/** The outbox message that queues one delivery. */
export interface WebhookDeliverMessage {
  topic: 'webhook.deliver';
  payload: { deliveryId: string };
}

/**
 * Writes, in the step's transaction, one pending delivery per notice and live subscription of the
 * API key `apiKeyId` that wants its event; answers the outbox messages that queue them. The body
 * (the exact JSON text signed on every attempt) is fixed here.
 */
export async function planDeliveries(
  tx: Tx,
  input: { apiKeyId: string; caseId: string; occurredAt: Date; notices: readonly WebhookNotice[] },
): Promise<WebhookDeliverMessage[]> {
  const rows: (typeof webhookDeliveries.$inferInsert)[] = [];
  for (const notice of input.notices) {
    const subscriptions = await tx
      .select({ id: webhookSubscriptions.id })
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.apiKeyId, input.apiKeyId), isNull(webhookSubscriptions.deletedAt), arrayContains(webhookSubscriptions.events, [notice.event])));
    for (const subscription of subscriptions) {
      const id = randomUUID();
      const body = JSON.stringify({ deliveryId: id, event: notice.event, occurredAt: input.occurredAt.toISOString(), caseId: input.caseId, data: notice.data });
      rows.push({ id, subscriptionId: subscription.id, caseId: input.caseId, event: notice.event, body, status: 'pending', createdAt: input.occurredAt });
    }
  }
  if (rows.length === 0) return [];
  await tx.insert(webhookDeliveries).values(rows);
  return rows.map((r) => ({ topic: 'webhook.deliver', payload: { deliveryId: r.id } }));
}
