import { describe, expect, it } from 'vitest';
import { hashTagOf, InvalidRedisUrlError, isClusterUrl, parseRedisUrl } from './redis-address.ts';

describe('parseRedisUrl', () => {
  it('hands a redis:// or rediss:// URL to ioredis as it is', () => {
    expect(parseRedisUrl('redis://:secret@cache:6380/2')).toEqual({ kind: 'server', url: 'redis://:secret@cache:6380/2' });
    expect(parseRedisUrl('rediss://cache')).toEqual({ kind: 'server', url: 'rediss://cache' });
  });

  it('reads the nodes, user and password of a redis+cluster:// URL, the port 6379 when absent', () => {
    expect(parseRedisUrl('redis+cluster://tongban:p%40ss@10.0.0.1:7000,10.0.0.2,redis-3:7002/')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 6379 },
        { host: 'redis-3', port: 7002 },
      ],
      username: 'tongban',
      password: 'p@ss',
      tls: false,
    });
    expect(parseRedisUrl('rediss+cluster://:secret@cache:7000')).toEqual({ kind: 'cluster', nodes: [{ host: 'cache', port: 7000 }], password: 'secret', tls: true });
  });

  it('refuses a cluster URL without nodes, with a bad port or a database number, hiding the password', () => {
    expect(() => parseRedisUrl('redis+cluster://')).toThrow(InvalidRedisUrlError);
    expect(() => parseRedisUrl('redis+cluster://a:7000,b:99999')).toThrow(/'b:99999' in the Redis Cluster URL is not host:port/);
    expect(() => parseRedisUrl('redis+cluster://:secret@a:7000/2')).toThrow(/got 'redis\+cluster:\/\/…@a:7000\/2'/);
  });

  it('tells a cluster URL from a server URL', () => {
    expect(isClusterUrl('redis+cluster://a:7000')).toBe(true);
    expect(isClusterUrl('rediss+cluster://a:7000')).toBe(true);
    expect(isClusterUrl('redis://a:7000')).toBe(false);
  });
});

describe('hashTagOf', () => {
  it('is the text between the first { and the next }, when not empty', () => {
    expect(hashTagOf('{tongban}')).toBe('tongban');
    expect(hashTagOf('city-{tongban}-a')).toBe('tongban');
    expect(hashTagOf('tongban')).toBeUndefined();
    expect(hashTagOf('{}tongban')).toBeUndefined();
    expect(hashTagOf('{tongban')).toBeUndefined();
  });
});
