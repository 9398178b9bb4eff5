import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { parseRedisUrl } from './redis-address.ts';

/** A connection to one Redis server or to a Redis Cluster: BullMQ takes either. */
export type RedisConnection = Redis | Cluster;

/** What a Redis connection is used for; it decides how the connection behaves when Redis is away. */
export type RedisRole = 'producer' | 'worker';

/**
 * Opens a Redis connection for BullMQ (pitfalls B18) to the server or cluster `url` names
 * (`parseRedisUrl`). A `worker` connection retries every command for ever
 * (`maxRetriesPerRequest: null`, required for blocking commands); a `producer` connection fails
 * fast (no offline queue, one retry), so a request that enqueues while Redis is down gets an error
 * instead of hanging. The work stays in the outbox and the sweeper dispatches it later. A cluster
 * connection gets the same options for each node; it never takes ioredis' `keyPrefix`, which
 * BullMQ does not support (the queues' hash-tagged prefix keeps their keys in one slot instead).
 */
export function createRedisConnection(url: string, role: RedisRole): RedisConnection {
  const address = parseRedisUrl(url);
  const behaviour: RedisOptions =
    role === 'worker' ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5_000 };
  if (address.kind === 'server') return new Redis(url, behaviour);
  const { enableOfflineQueue, ...perNode } = behaviour;
  return new Cluster(address.nodes, {
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    redisOptions: {
      ...perNode,
      ...(address.username === undefined ? {} : { username: address.username }),
      ...(address.password === undefined ? {} : { password: address.password }),
      ...(address.tls ? { tls: {} } : {}),
    },
  });
}

/** Waits until `redis` is connected (a producer without an offline queue refuses commands before). */
export async function redisReady(redis: RedisConnection): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const onReady = () => {
      redis.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      redis.off('ready', onReady);
      reject(error);
    };
    redis.once('ready', onReady);
    redis.once('error', onError);
  });
}
