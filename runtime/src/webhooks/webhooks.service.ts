import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { webhookDeliveries, webhookSubscriptions, type WebhookDeliveryRow, type WebhookEvent, type WebhookSubscriptionRow } from '../db/schema/index.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/index.ts';
import type { Viewer } from '../organisation/viewer.ts';
import { pageOf, type Page, type PageRequest } from '../cases/case-views.ts';
import type { EgressPolicy } from '../egress/index.ts';
import { checkWebhookUrl } from './webhook-url.ts';

/** Live subscriptions one API key may hold. */
export const MAX_WEBHOOK_SUBSCRIPTIONS = 10;

/** `POST /webhooks`: where to deliver, the signing secret, and the events wanted. */
export interface SubscribeInput {
  url: string;
  secret: string;
  events: WebhookEvent[];
}

/** A subscription as its owner reads it: never the secret. */
export type WebhookSubscriptionView = Omit<WebhookSubscriptionRow, 'secret' | 'apiKeyId' | 'deletedAt'>;

/** A delivery as its subscriber reads it. */
export type WebhookDeliveryView = Omit<WebhookDeliveryRow, 'body'> & { body: unknown };

/**
 * Webhooks of the citizen portal (docs/webhooks.md): an intake API key subscribes URLs to the
 * events of the cases it filed, reads and deletes its subscriptions, and reads each one's
 * deliveries (status, attempts, last error). Another key's subscriptions are 404 to it. A URL
 * whose host `policy` refuses (a private address, `localhost`) is refused at subscription.
 */
export class WebhooksService {
  constructor(private readonly options: { db: Db; policy: EgressPolicy }) {}

  async subscribe(viewer: Viewer, input: SubscribeInput): Promise<WebhookSubscriptionView> {
    const apiKeyId = ownerOf(viewer);
    const url = checkWebhookUrl(input.url, this.options.policy);
    const { db } = this.options;
    return db.transaction(async (tx) => {
      // One subscriber's creations queue on its key: the limit holds under concurrent requests.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`webhooks:${apiKeyId}`}))`);
      const [held] = await tx
        .select({ n: count() })
        .from(webhookSubscriptions)
        .where(and(eq(webhookSubscriptions.apiKeyId, apiKeyId), isNull(webhookSubscriptions.deletedAt)));
      if ((held?.n ?? 0) >= MAX_WEBHOOK_SUBSCRIPTIONS) {
        throw new ConflictError('too-many-webhooks', `An API key holds at most ${MAX_WEBHOOK_SUBSCRIPTIONS} webhooks; delete one first`, { limit: MAX_WEBHOOK_SUBSCRIPTIONS });
      }
      const [row] = await tx
        .insert(webhookSubscriptions)
        .values({ id: randomUUID(), apiKeyId, url, secret: input.secret, events: [...new Set(input.events)], createdAt: new Date() })
        .returning();
      return viewOf(row as WebhookSubscriptionRow);
    });
  }

  async list(viewer: Viewer): Promise<WebhookSubscriptionView[]> {
    const rows = await this.options.db
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.apiKeyId, ownerOf(viewer)), isNull(webhookSubscriptions.deletedAt)))
      .orderBy(desc(webhookSubscriptions.createdAt));
    return rows.map(viewOf);
  }

  /** Deletes a subscription: no new delivery is made for it; pending ones end `failed`. */
  async remove(viewer: Viewer, id: string): Promise<void> {
    await this.owned(viewer, id);
    await this.options.db.update(webhookSubscriptions).set({ deletedAt: new Date() }).where(eq(webhookSubscriptions.id, id));
  }

  /** The deliveries of a subscription, newest first. */
  async deliveries(viewer: Viewer, id: string, page?: PageRequest): Promise<Page<WebhookDeliveryView>> {
    await this.owned(viewer, id);
    const { limit, offset } = pageOf(page);
    const { db } = this.options;
    const [rows, [total]] = await Promise.all([
      db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id)).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(limit).offset(offset),
      db.select({ n: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id)),
    ]);
    return { items: rows.map((r) => ({ ...r, body: JSON.parse(r.body) as unknown })), total: total?.n ?? 0 };
  }

  private async owned(viewer: Viewer, id: string): Promise<WebhookSubscriptionRow> {
    const [row] = await this.options.db
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.apiKeyId, ownerOf(viewer)), isNull(webhookSubscriptions.deletedAt)));
    if (!row) throw new NotFoundError('webhook-not-found', `Webhook '${id}' does not exist`, { id });
    return row;
  }
}

function ownerOf(viewer: Viewer): string {
  if (viewer.kind !== 'apiKey' || viewer.apiKeyId === undefined) {
    throw new ForbiddenError('api-key-required', 'Webhooks belong to an intake API key: call with X-Api-Key');
  }
  return viewer.apiKeyId;
}

function viewOf(row: WebhookSubscriptionRow): WebhookSubscriptionView {
  return { id: row.id, url: row.url, events: row.events, createdAt: row.createdAt };
}
