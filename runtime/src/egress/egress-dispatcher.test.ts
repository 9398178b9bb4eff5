import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressRefusalOf, AddressRefusedError, createEgressDispatcher, type ResolveAll } from './egress-dispatcher.ts';
import { EgressPolicy } from './egress-policy.ts';

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

describe('createEgressDispatcher', () => {
  it('never connects to a host name that resolves to a loopback address, and says so along the cause of the failed request', async () => {
    const dispatcher = createEgressDispatcher(EgressPolicy.allowing([]), rebinding);
    const before = requests;
    const failure = await fetch(`http://portal.example:${port}/hooks`, { method: 'POST', body: '{}', dispatcher }).catch((error: unknown) => error);
    expect((failure as Error).cause).toBeInstanceOf(AddressRefusedError);
    expect(addressRefusalOf(failure)).toMatchObject({
      hostname: 'portal.example',
      refusals: [{ address: '127.0.0.1', range: 'loopback' }],
      message: "'portal.example' resolves to 127.0.0.1 (loopback), which may not be reached",
    });
    expect(requests).toBe(before);
    await dispatcher.close();
  });

  it('connects when the operator allowed the host by name or its address by range', async () => {
    for (const allowed of [['portal.example'], ['127.0.0.0/8']]) {
      const dispatcher = createEgressDispatcher(EgressPolicy.allowing(allowed), rebinding);
      const response = await fetch(`http://portal.example:${port}/hooks`, { method: 'POST', body: '{}', dispatcher });
      expect(await response.text()).toBe('ok');
      await dispatcher.close();
    }
  });

  it('passes a failed resolution on as it is', async () => {
    const dispatcher = createEgressDispatcher(EgressPolicy.allowing([]), rebinding);
    expect(await causeOf(fetch(`http://nowhere.invalid:${port}/hooks`, { dispatcher }))).toMatchObject({ code: 'ENOTFOUND' });
    await dispatcher.close();
  });
});
