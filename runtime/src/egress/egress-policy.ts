import ipaddr, { type IPv4, type IPv6 } from 'ipaddr.js';

/** A target refused: the host or address, and the special range it lies in (ipaddr.js' name: `loopback`, `private`, …). */
export interface AddressRefusal {
  address: string;
  range: string;
}

/** One entry of the allowed hosts that cannot be read; names it. */
export class InvalidAllowedHostError extends Error {
  override readonly name = 'InvalidAllowedHostError';

  constructor(readonly entry: string) {
    super(`'${entry}' is neither a host name, an IP address nor a CIDR range (e.g. registry.city.internal, 10.20.0.5, 10.20.0.0/16, fd00::/8)`);
  }
}

/**
 * Where Tongban's workers may connect for a URL that untrusted input names (server-side request
 * forgery): a webhook an API key subscribes, an `http-call` a process definition makes. Only
 * global unicast addresses, never loopback, private (RFC 1918), carrier-grade NAT, link-local
 * (169.254.0.0/16, where cloud metadata answers), unique-local IPv6, multicast, broadcast,
 * unspecified or reserved ones, nor `localhost` and `*.localhost` (RFC 6761). The ranges are
 * ipaddr.js' (`range()`), IPv4-mapped IPv6 addresses counted as the IPv4 address they carry.
 *
 * The operator's allowed hosts (`TONGBAN_WEBHOOK_ALLOWED_HOSTS` for webhooks,
 * `TONGBAN_SERVICE_ALLOWED_HOSTS` for `http-call`) lift the refusal for a city's internal network
 * or a test receiver: a host name lets that host through whatever it resolves to; an IP address or
 * CIDR range lets its addresses through, written in a URL or resolved.
 */
export class EgressPolicy {
  private constructor(
    private readonly hosts: ReadonlySet<string>,
    private readonly ranges: readonly [IPv4 | IPv6, number][],
  ) {}

  /**
   * The policy with `entries` allowed: host names, IP addresses, CIDR ranges.
   * @throws {InvalidAllowedHostError} naming the first entry that is none of these.
   */
  static allowing(entries: readonly string[]): EgressPolicy {
    const hosts = new Set<string>();
    const ranges: [IPv4 | IPv6, number][] = [];
    for (const raw of entries) {
      const entry = bare(raw.trim());
      if (entry.includes('/')) {
        if (!ipaddr.isValidCIDR(entry)) throw new InvalidAllowedHostError(raw);
        ranges.push(ipaddr.parseCIDR(entry));
      } else if (isIpLiteral(entry)) {
        const address = ipaddr.parse(entry);
        ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else {
        const host = hostOf(entry);
        if (host === undefined) throw new InvalidAllowedHostError(raw);
        hosts.add(host);
      }
    }
    return new EgressPolicy(hosts, ranges);
  }

  /** True when the operator allowed host `hostname` by name. */
  allowsHost(hostname: string): boolean {
    return this.hosts.has(bare(hostname));
  }

  /**
   * Why the host of a URL (as `URL.hostname` spells it: `127.0.0.1`, `[::1]`, `localhost`) is
   * refused without resolving it: an address outside the public ranges, or a `localhost` name.
   * Undefined for a host name to be resolved (and its addresses checked when connecting).
   */
  refusalOfHost(hostname: string): AddressRefusal | undefined {
    const host = bare(hostname);
    if (this.hosts.has(host)) return undefined;
    if (isIpLiteral(host)) return this.refusalOfAddress(host);
    if (host === 'localhost' || host.endsWith('.localhost')) return { address: host, range: 'loopback' };
    return undefined;
  }

  /** Why connecting to IP address `address` is refused; undefined for a global unicast or allowed one. */
  refusalOfAddress(address: string): AddressRefusal | undefined {
    const parsed = ipaddr.process(address);
    const range = parsed.range();
    if (range === 'unicast') return undefined;
    if (this.ranges.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))) return undefined;
    return { address: parsed.toString(), range };
  }
}

/** `hostname` without IPv6 brackets or a trailing dot. */
function bare(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function isIpLiteral(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text);
}

/** The host name `entry` spells, as a URL holds it; undefined when it is not a bare host name. */
function hostOf(entry: string): string | undefined {
  if (entry === '' || /[\s/?#@:[\]]/.test(entry)) return undefined;
  try {
    const host = bare(new URL(`http://${entry}`).hostname);
    return host === bare(entry) ? host : undefined;
  } catch {
    return undefined;
  }
}
