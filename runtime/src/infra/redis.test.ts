import { afterEach, describe, expect, it } from 'vitest';
import { startLocalRedis } from './redis.ts';

const path = process.env.PATH;
afterEach(() => {
  process.env.PATH = path;
});

describe('startLocalRedis', () => {
  it('names the Debian package when redis-server is not on PATH', async () => {
    process.env.PATH = '/nonexistent';
    await expect(startLocalRedis()).rejects.toMatchObject({
      code: 'redis-not-installed',
      message: expect.stringContaining('apt-get install redis-server'),
    });
  });

  it('runs a server that answers on its URL until stopped', async () => {
    const redis = await startLocalRedis();
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    expect(await client.ping()).toBe('PONG');
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
    await redis.stop();
    await expect(client.ping()).rejects.toThrow();
    client.disconnect();
  });
});
