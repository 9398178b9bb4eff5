import { Redis } from 'ioredis';

/** What a Redis connection is used for; it decides how the connection behaves when Redis is away. */
export type RedisRole = 'producer' | 'worker';

/**
 * Opens a Redis connection for BullMQ (pitfalls B18). A `worker` connection retries every command
 * for ever (`maxRetriesPerRequest: null`, required for blocking commands); a `producer` connection
 * fails fast (no offline queue, one retry), so a request that enqueues while Redis is down gets an
 * error instead of hanging. The work stays in the outbox and the sweeper dispatches it later.
 */
export function createRedisConnection(url: string, role: RedisRole): Redis {
  if (role === 'worker') return new Redis(url, { maxRetriesPerRequest: null });
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5_000 });
}

/** Waits until `redis` is connected (a producer without an offline queue refuses commands before). */
export async function redisReady(redis: Redis): Promise<void> {
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
