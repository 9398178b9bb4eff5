import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import type { AddressRefusal, EgressPolicy } from './egress-policy.ts';

/** A host that resolved only to addresses the policy refuses: nothing was connected to. */
export class AddressRefusedError extends Error {
  override readonly name = 'AddressRefusedError';
  readonly code = 'address-refused';

  constructor(
    readonly hostname: string,
    readonly refusals: readonly AddressRefusal[],
  ) {
    super(`'${hostname}' resolves to ${describeRefusals(refusals)}, which may not be reached`);
  }
}

/** The refused addresses in words: `10.0.0.8 (private), ::1 (loopback)`, or `no address`. */
export function describeRefusals(refusals: readonly AddressRefusal[]): string {
  return refusals.map((r) => `${r.address} (${r.range})`).join(', ') || 'no address';
}

/** The {@link AddressRefusedError} that made a request fail, found along the chain of `cause`s (undici's `fetch failed` wraps it). */
export function addressRefusalOf(error: unknown): AddressRefusedError | undefined {
  for (let at: unknown = error; at instanceof Error; at = at.cause) {
    if (at instanceof AddressRefusedError) return at;
  }
  return undefined;
}

/** Resolves a host name to all its addresses, as `dns.lookup` with `all: true` does. */
export type ResolveAll = (hostname: string, options: LookupOptions & { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const resolveWithDns: ResolveAll = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * The `lookup` of a socket that reaches a URL untrusted input named: resolves the host (`resolve`,
 * `dns.lookup` by default) and keeps only the addresses `policy` lets through, so a host whose
 * name passed a check before but resolves to a private address now (DNS rebinding) is never
 * connected to; when none is left it fails with {@link AddressRefusedError}. A host the operator
 * allowed by name keeps every address. Answers in the form asked (`all` or one address), so it
 * serves Node's address-family selection too. Node calls no lookup for a URL whose host is an IP
 * address: check those with `policy.refusalOfHost` before sending.
 */
export function guardedLookup(policy: EgressPolicy, resolve: ResolveAll = resolveWithDns): LookupFunction {
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
        callback(new AddressRefusedError(hostname, refusals), '', 0);
        return;
      }
      if (options.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * The undici dispatcher requests to untrusted URLs go through (webhook deliveries, `http-call`):
 * its connections resolve their host with {@link guardedLookup}. One per policy; close it when the
 * runtime stops.
 */
export function createEgressDispatcher(policy: EgressPolicy, resolve?: ResolveAll): Agent {
  return new Agent({ connect: { lookup: guardedLookup(policy, resolve) } });
}
