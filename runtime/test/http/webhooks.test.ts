import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

const OTHER_KEY = 'other-portal-key';
const SECRET = 'whsec-test-0123456789abcdef';

/** One request the receiver got. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A local receiver that answers 500 to the first two attempts of each delivery, then 200. */
class FlakyReceiver {
  readonly received: Received[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const delivery = String(request.headers['tongban-delivery']);
        const earlier = this.received.filter((r) => r.headers['tongban-delivery'] === delivery).length;
        const answered = earlier < 2 ? 500 : 200;
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        response.writeHead(answered, { 'Content-Type': 'text/plain' });
        response.end(answered === 200 ? 'ok' : `busy ${'x'.repeat(1_000)}`);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/tongban`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** True when `header` (`t=<ts>,v1=<hex>`) is the HMAC-SHA256 of `<ts>.<body>` under `secret`. */
function verifies(header: string, body: string, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2] as string, 'hex'));
}

let harness: HttpHarness;
let client: HttpTestClient;
const receiver = new FlakyReceiver();
let receiverUrl: string;

beforeAll(async () => {
  receiverUrl = await receiver.start();
  harness = await startHttp({ app: { intakeApiKeys: [PORTAL_KEY, OTHER_KEY] }, webhooks: { webhookRetry: { attempts: 5, backoffMs: 200 }, webhookTimeoutMs: 5_000, webhookAllowedHosts: ['127.0.0.1'] } });
  client = harness.client;
  await harness.publish('http-permit');
}, 120_000);

afterAll(async () => {
  await harness.close();
  await receiver.stop();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('webhooks', () => {
  it('signs, retries after the receiver fails twice, and delivers each event once under one delivery id', async () => {
    const subscribed = await client.send('POST', '/api/v1/webhooks', { url: receiverUrl, secret: SECRET, events: ['case.accepted', 'case.completed'] }, { apiKey: PORTAL_KEY });
    expect(subscribed.status, subscribed.text).toBe(201);
    expect(subscribed.body).not.toHaveProperty('secret');
    const hookId = subscribed.body.id as string;

    const filed = await fileCase(client, { apiKey: PORTAL_KEY });
    const caseId = filed.body.id as string;
    const intake = await client.login('huangpu.intake');
    const market = await client.login('huangpu.market');
    const first = await openTaskAt(client, intake, caseId, 'intake');
    expect((await client.send('POST', `/api/v1/tasks/${first.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-1' } }, { token: intake })).status).toBe(200);
    const review = await openTaskAt(client, market, caseId, 'review');
    expect((await client.send('POST', `/api/v1/tasks/${review.id}/claim`, undefined, { token: market })).status).toBe(200);
    expect((await client.send('POST', `/api/v1/tasks/${review.id}/complete`, { outcome: 'approve', data: {} }, { token: market })).status).toBe(200);

    const deliveries = await until(
      () => client.send('GET', `/api/v1/webhooks/${hookId}/deliveries`, undefined, { apiKey: PORTAL_KEY }),
      (r) => r.body.items?.length === 2 && r.body.items.every((d: { status: string }) => d.status !== 'pending'),
    );
    expect(deliveries.body.total).toBe(2);
    const byEvent = Object.fromEntries(deliveries.body.items.map((d: { event: string }) => [d.event, d]));
    for (const event of ['case.accepted', 'case.completed']) {
      const delivery = byEvent[event];
      expect(delivery).toMatchObject({ caseId, status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null, lastResponseExcerpt: 'ok' });
      expect(delivery.body).toMatchObject({ deliveryId: delivery.id, event, caseId });
      const attempts = receiver.received.filter((r) => r.headers['tongban-delivery'] === delivery.id);
      expect(attempts.map((a) => a.answered)).toEqual([500, 500, 200]);
      for (const attempt of attempts) {
        expect(attempt.headers['tongban-event']).toBe(event);
        expect(JSON.parse(attempt.body)).toEqual(delivery.body);
        expect(verifies(String(attempt.headers['tongban-signature']), attempt.body, SECRET)).toBe(true);
        expect(verifies(String(attempt.headers['tongban-signature']), attempt.body, 'another-secret-value')).toBe(false);
      }
    }
    expect(byEvent['case.completed'].body.data).toEqual({ result: 'approved', reason: null });
    expect(byEvent['case.accepted'].body.data).toMatchObject({ deemed: false });
  }, 120_000);

  it('tells a subscriber of case.supplementRequested when a clerk asks for a 补正, and nothing for a case a user filed', async () => {
    const subscribed = await client.send('POST', '/api/v1/webhooks', { url: receiverUrl, secret: SECRET, events: ['case.supplementRequested'] }, { apiKey: PORTAL_KEY });
    const hookId = subscribed.body.id as string;
    const caseId = (await fileCase(client, { apiKey: PORTAL_KEY })).body.id as string;
    const intake = await client.login('huangpu.intake');
    const first = await openTaskAt(client, intake, caseId, 'intake');
    const asked = await client.send('POST', `/api/v1/tasks/${first.id}/complete`, { outcome: 'requestSupplement', data: {}, comment: '缺营业执照', supplementItems: [{ kind: 'document', document: '营业执照', note: '缺营业执照' }] }, { token: intake });
    expect(asked.status, asked.text).toBe(200);
    const deliveries = await until(
      () => client.send('GET', `/api/v1/webhooks/${hookId}/deliveries`, undefined, { apiKey: PORTAL_KEY }),
      (r) => r.body.items?.length === 1 && r.body.items[0].status !== 'pending',
    );
    expect(deliveries.body.items[0]).toMatchObject({ event: 'case.supplementRequested', caseId, status: 'delivered', body: { event: 'case.supplementRequested', caseId } });
    const filedByUser = await fileCase(client, { token: intake });
    expect(filedByUser.status).toBe(201);
    const sent = await harness.database.sql<{ n: number }[]>`select count(*)::int as n from webhook_deliveries where case_id = ${filedByUser.body.id as string}`;
    expect(sent[0]?.n).toBe(0);
  }, 120_000);

  it('refuses a URL with credentials or another scheme, naming the field, and a user token', async () => {
    const withPassword = await client.send('POST', '/api/v1/webhooks', { url: 'https://user:pw@portal.example/x', secret: SECRET, events: ['case.accepted'] }, { apiKey: PORTAL_KEY });
    expect(withPassword.status).toBe(400);
    expect(withPassword.body.error).toMatchObject({ code: 'invalid-webhook-url', details: { field: 'url', reason: 'credentials' } });
    const ftp = await client.send('POST', '/api/v1/webhooks', { url: 'ftp://portal.example/x', secret: SECRET, events: ['case.accepted'] }, { apiKey: PORTAL_KEY });
    expect(ftp.body.error).toMatchObject({ code: 'invalid-webhook-url', details: { reason: 'scheme' } });
    const shortSecret = await client.send('POST', '/api/v1/webhooks', { url: receiverUrl, secret: 'short', events: ['case.accepted'] }, { apiKey: PORTAL_KEY });
    expect(shortSecret.status).toBe(400);
    expect(JSON.stringify(shortSecret.body.error)).toContain('secret');
    const token = await client.login('huangpu.intake');
    const asUser = await client.send('POST', '/api/v1/webhooks', { url: receiverUrl, secret: SECRET, events: ['case.accepted'] }, { token });
    expect(asUser.status).toBe(403);
    expect(asUser.body.error.code).toBe('api-key-required');
  });

  it('keeps one key’s webhooks and deliveries from another key, and stops delivering to a deleted one', async () => {
    const mine = await client.send('POST', '/api/v1/webhooks', { url: receiverUrl, secret: SECRET, events: ['case.supplementRequested'] }, { apiKey: PORTAL_KEY });
    const id = mine.body.id as string;
    expect((await client.send('GET', `/api/v1/webhooks/${id}/deliveries`, undefined, { apiKey: OTHER_KEY })).status).toBe(404);
    expect((await client.send('DELETE', `/api/v1/webhooks/${id}`, undefined, { apiKey: OTHER_KEY })).status).toBe(404);
    expect((await client.send('GET', '/api/v1/webhooks', undefined, { apiKey: OTHER_KEY })).body.items).toEqual([]);
    expect((await client.send('DELETE', `/api/v1/webhooks/${id}`, undefined, { apiKey: PORTAL_KEY })).status).toBe(204);
    const listed = await client.send('GET', '/api/v1/webhooks', undefined, { apiKey: PORTAL_KEY });
    expect(listed.body.items.map((w: { id: string }) => w.id)).not.toContain(id);
  });
});
