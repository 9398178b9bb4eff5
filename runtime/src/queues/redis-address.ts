/** One node of a Redis Cluster, as given in `REDIS_URL`. */
export interface ClusterNode {
  host: string;
  port: number;
}

/**
 * Where Tongban's Redis is: one server (`redis://…`, `rediss://…`, read by ioredis) or a Redis
 * Cluster (`redis+cluster://[user:password@]host:port,host:port,…`, `rediss+cluster://` for TLS),
 * whose listed nodes are where the client starts: it finds the others from them.
 */
export type RedisAddress =
  | { kind: 'server'; url: string }
  | { kind: 'cluster'; nodes: ClusterNode[]; username?: string; password?: string; tls: boolean };

/** Thrown by {@link parseRedisUrl} for a URL it cannot use; the message says why. */
export class InvalidRedisUrlError extends Error {
  readonly code = 'invalid-redis-url';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidRedisUrlError';
  }
}

const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#@]+)\/?$/;

/** Whether `url` names a Redis Cluster (`redis+cluster://` or `rediss+cluster://`). */
export function isClusterUrl(url: string): boolean {
  return /^rediss?\+cluster:/.test(url);
}

/**
 * Reads a Redis URL. A cluster URL lists one or more `host:port` nodes separated by commas (the
 * port defaults to 6379); user and password, percent-encoded, apply to every node.
 *
 * @throws {InvalidRedisUrlError} for a cluster URL without a usable node list.
 */
export function parseRedisUrl(url: string): RedisAddress {
  if (!isClusterUrl(url)) return { kind: 'server', url };
  const match = CLUSTER_URL.exec(url);
  if (!match) throw new InvalidRedisUrlError(`A Redis Cluster URL is redis+cluster://[user:password@]host:port,host:port,…; got '${url.replace(/\/\/[^@/]*@/, '//…@')}'`);
  const [, scheme, username, password, hostList] = match;
  const nodes = hostList!.split(',').map((entry) => {
    const node = /^([^:,\s]+)(?::(\d{1,5}))?$/.exec(entry.trim());
    const port = Number(node?.[2] ?? 6379);
    if (!node || port < 1 || port > 65_535) throw new InvalidRedisUrlError(`'${entry}' in the Redis Cluster URL is not host:port`);
    return { host: node[1]!, port };
  });
  return {
    kind: 'cluster',
    nodes,
    ...(username ? { username: decodeURIComponent(username) } : {}),
    ...(password ? { password: decodeURIComponent(password) } : {}),
    tls: scheme === 'rediss',
  };
}

/**
 * The hash tag of a key prefix (`tongban` of `{tongban}`): the text between its first `{` and the
 * next `}`, when not empty. Redis Cluster puts every key carrying the same tag in one slot, which
 * BullMQ's scripts need for all the keys of a queue (and the queues of one flow).
 */
export function hashTagOf(prefix: string): string | undefined {
  const open = prefix.indexOf('{');
  if (open < 0) return undefined;
  const close = prefix.indexOf('}', open + 1);
  return close > open + 1 ? prefix.slice(open + 1, close) : undefined;
}
