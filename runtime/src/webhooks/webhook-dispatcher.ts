import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import type { AddressRefusal, WebhookAddressPolicy } from './webhook-address-policy.ts';

/** A webhook host that resolved only to addresses the policy refuses: nothing was connected to. */
export class WebhookAddressRefusedError extends Error {
  override readonly name = 'WebhookAddressRefusedError';
  readonly code = 'webhook-address-refused';

  constructor(
    readonly hostname: string,
    readonly refusals: readonly AddressRefusal[],
  ) {
    super(`'${hostname}' resolves to ${refusals.map((r) => `${r.address} (${r.range})`).join(', ') || 'no address'}, which webhooks may not reach`);
  }
}

/** Resolves a host name to all its addresses, as `dns.lookup` with `all: true` does. */
export type ResolveAll = (hostname: string, options: LookupOptions & { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const resolveWithDns: ResolveAll = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * The `lookup` of a socket that delivers webhooks: resolves the host (`resolve`, `dns.lookup` by
 * default) and keeps only the addresses `policy` lets through, so a host whose name passed at
 * subscription but resolves to a private address now (DNS rebinding) is never connected to; when
 * none is left it fails with {@link WebhookAddressRefusedError}. A host the operator allowed by
 * name keeps every address. Answers in the form asked (`all` or one address), so it serves
 * Node's address-family selection too.
 */
export function guardedLookup(policy: WebhookAddressPolicy, resolve: ResolveAll = resolveWithDns): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const allowed = policy.allowsHost(hostname) ? addresses : addresses.filter((a) => policy.refusalOfAddress(a.address) === undefined);
      const [first] = allowed;
      if (first === undefined) {
        const refusals = addresses.flatMap((a) => policy.refusalOfAddress(a.address) ?? []);
        callback(new WebhookAddressRefusedError(hostname, refusals), '', 0);
        return;
      }
      if (options.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * The undici dispatcher webhook deliveries go through: its connections resolve their host with
 * {@link guardedLookup}. Close it when the runtime stops.
 */
export function createWebhookDispatcher(policy: WebhookAddressPolicy, resolve?: ResolveAll): Agent {
  return new Agent({ connect: { lookup: guardedLookup(policy, resolve) } });
}
