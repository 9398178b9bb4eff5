import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

const SECRET = 'whsec-test-0123456789abcdef';

let harness: HttpHarness;
let client: HttpTestClient;
let receiver: Server;
let port: number;
let received = 0;

beforeAll(async () => {
  receiver = createServer((_request, response) => {
    received += 1;
    response.end('ok');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
  // No private host allowed: the runtime delivers to public addresses only.
  harness = await startHttp({ webhooks: { webhookRetry: { attempts: 5, backoffMs: 200 }, webhookTimeoutMs: 5_000 } });
  client = harness.client;
  await harness.publish('http-permit');
}, 120_000);

afterAll(async () => {
  await harness.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

function subscribe(url: string) {
  return client.send('POST', '/api/v1/webhooks', { url, secret: SECRET, events: ['case.accepted'] }, { apiKey: PORTAL_KEY });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('webhook addresses (server-side request forgery)', () => {
  it('refuses at subscription a URL on a loopback, private, link-local, unique-local, multicast or unspecified address or localhost, naming the field and the range', async () => {
    const refused: [string, string][] = [
      [`http://127.0.0.1:${port}/hooks`, 'loopback'],
      [`http://localhost:${port}/hooks`, 'loopback'],
      ['http://tongban.localhost/hooks', 'loopback'],
      ['http://[::1]/hooks', 'loopback'],
      ['http://10.0.0.8/hooks', 'private'],
      ['http://192.168.1.1/hooks', 'private'],
      ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
      ['http://[fd00:ec2::254]/hooks', 'uniqueLocal'],
      ['http://239.1.2.3/hooks', 'multicast'],
      ['http://0.0.0.0/hooks', 'unspecified'],
    ];
    for (const [url, range] of refused) {
      const response = await subscribe(url);
      expect(response.status, url).toBe(400);
      expect(response.body.error, url).toMatchObject({ code: 'invalid-webhook-url', details: { field: 'url', reason: 'private-address', range } });
    }
    expect((await client.send('GET', '/api/v1/webhooks', undefined, { apiKey: PORTAL_KEY })).body.items).toEqual([]);
    expect((await subscribe('https://portal.example.gov.cn/hooks/tongban')).status).toBe(201);
  });

  it('never contacts a private target at delivery, and fails the delivery after one attempt naming the address', async () => {
    // Subscribed while the name pointed outside; the targets below stand for where it points now.
    const targets = [`http://localhost:${port}/hooks`, `http://127.0.0.1:${port}/hooks`, 'http://169.254.169.254/latest/meta-data/'];
    const hooks: string[] = [];
    for (const target of targets) {
      const subscribed = await subscribe('https://portal.example.gov.cn/hooks/tongban');
      expect(subscribed.status, subscribed.text).toBe(201);
      hooks.push(subscribed.body.id as string);
      await harness.database.sql`update webhook_subscriptions set url = ${target} where id = ${subscribed.body.id as string}`;
    }
    const caseId = (await fileCase(client, { apiKey: PORTAL_KEY })).body.id as string;
    const intake = await client.login('huangpu.intake');
    const task = await openTaskAt(client, intake, caseId, 'intake');
    const accepted = await client.send('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-9' } }, { token: intake });
    expect(accepted.status, accepted.text).toBe(200);

    const expected = [/refused: localhost is a loopback address/, /refused: 127\.0\.0\.1 is a loopback address/, /refused: 169\.254\.169\.254 is a linkLocal address/];
    for (const [index, id] of hooks.entries()) {
      const deliveries = await until(
        () => client.send('GET', `/api/v1/webhooks/${id}/deliveries`, undefined, { apiKey: PORTAL_KEY }),
        (r) => r.body.items?.length === 1 && r.body.items[0].status !== 'pending',
      );
      const [delivery] = deliveries.body.items;
      expect(delivery).toMatchObject({ caseId, event: 'case.accepted', status: 'failed', attempts: 1, lastStatusCode: null, deliveredAt: null });
      expect(delivery.lastError).toMatch(expected[index] as RegExp);
    }
    expect(received).toBe(0);
  }, 120_000);
});
