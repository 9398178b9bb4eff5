import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookAddressPolicy } from './webhook-address-policy.ts';
import { createWebhookDispatcher, WebhookAddressRefusedError, type ResolveAll } from './webhook-dispatcher.ts';

/** A resolver in which every `*.example` name points at the loopback receiver, as a rebound DNS name would. */
const rebinding: ResolveAll = (hostname, _options, callback) => {
  if (hostname.endsWith('.example')) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
};

let server: Server;
let port: number;
let requests = 0;

beforeAll(async () => {
  server = createServer((_request, response) => {
    requests += 1;
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function causeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).cause;
  }
  throw new Error('the request was not refused');
}

describe('createWebhookDispatcher', () => {
  it('never connects to a host name that resolves to a loopback address', async () => {
    const dispatcher = createWebhookDispatcher(WebhookAddressPolicy.allowing([]), rebinding);
    const before = requests;
    const cause = await causeOf(fetch(`http://portal.example:${port}/hooks`, { method: 'POST', body: '{}', dispatcher }));
    expect(cause).toBeInstanceOf(WebhookAddressRefusedError);
    expect(cause).toMatchObject({ hostname: 'portal.example', refusals: [{ address: '127.0.0.1', range: 'loopback' }] });
    expect(requests).toBe(before);
    await dispatcher.close();
  });

  it('connects when the operator allowed the host by name or its address by range', async () => {
    for (const allowed of [['portal.example'], ['127.0.0.0/8']]) {
      const dispatcher = createWebhookDispatcher(WebhookAddressPolicy.allowing(allowed), rebinding);
      const response = await fetch(`http://portal.example:${port}/hooks`, { method: 'POST', body: '{}', dispatcher });
      expect(await response.text()).toBe('ok');
      await dispatcher.close();
    }
  });

  it('passes a failed resolution on as it is', async () => {
    const dispatcher = createWebhookDispatcher(WebhookAddressPolicy.allowing([]), rebinding);
    expect(await causeOf(fetch(`http://nowhere.invalid:${port}/hooks`, { dispatcher }))).toMatchObject({ code: 'ENOTFOUND' });
    await dispatcher.close();
  });
});
