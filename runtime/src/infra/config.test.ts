import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultHealthPort, defaultShutdownGraceMs, demoIntakeApiKey, loadConfig, repoRoot } from './config.ts';

describe('loadConfig', () => {
  it('uses embedded services, port 3000 and the data folder of the checkout when nothing is set', () => {
    const config = loadConfig({ DATABASE_URL: '', REDIS_URL: ' ' });
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      postgresDataDir: path.join(repoRoot, '.data', 'postgres'),
      intakeApiKeys: [demoIntakeApiKey],
      consoleDir: path.join(repoRoot, 'designer', 'dist'),
      queuePrefix: 'tongban',
      healthPort: defaultHealthPort,
      shutdownGraceMs: defaultShutdownGraceMs,
      sweepIntervalMs: 5_000,
      caseNumberPrefix: 'SH',
      logLevel: 'info',
      webhookAllowedHosts: [],
      serviceAllowedHosts: [],
    });
  });

  it('reads the hosts webhooks may reach besides public ones, and names TONGBAN_WEBHOOK_ALLOWED_HOSTS for an entry it cannot read', () => {
    expect(loadConfig({ TONGBAN_WEBHOOK_ALLOWED_HOSTS: ' hooks.city.internal, 10.20.0.0/16 ,127.0.0.1,' }).webhookAllowedHosts).toEqual([
      'hooks.city.internal',
      '10.20.0.0/16',
      '127.0.0.1',
    ]);
    expect(() => loadConfig({ TONGBAN_WEBHOOK_ALLOWED_HOSTS: 'hooks.city.internal,10.20.0.0/40' })).toThrow(
      /^TONGBAN_WEBHOOK_ALLOWED_HOSTS: '10\.20\.0\.0\/40' is neither a host name, an IP address nor a CIDR range/,
    );
  });

  it('reads the hosts an http-call may reach besides public ones apart from the webhooks’, and names TONGBAN_SERVICE_ALLOWED_HOSTS for an entry it cannot read', () => {
    const config = loadConfig({ TONGBAN_SERVICE_ALLOWED_HOSTS: 'registry.city.internal, 10.30.0.0/16, fd00::/8', TONGBAN_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    expect(config.serviceAllowedHosts).toEqual(['registry.city.internal', '10.30.0.0/16', 'fd00::/8']);
    expect(config.webhookAllowedHosts).toEqual(['127.0.0.1']);
    expect(() => loadConfig({ TONGBAN_SERVICE_ALLOWED_HOSTS: 'registry.city.internal:8443' })).toThrow(
      /^TONGBAN_SERVICE_ALLOWED_HOSTS: 'registry\.city\.internal:8443' is neither a host name, an IP address nor a CIDR range/,
    );
    expect(() => loadConfig({ TONGBAN_SERVICE_ALLOWED_HOSTS: '10.0.0.0/33' })).toThrow(ConfigError);
  });

  it('reads the case-number prefix and refuses one that is not 1-8 capital letters, naming the variable', () => {
    expect(loadConfig({ TONGBAN_CASE_NUMBER_PREFIX: 'BJ' }).caseNumberPrefix).toBe('BJ');
    for (const bad of ['sh', 'SH-1', 'ABCDEFGHI']) {
      expect(() => loadConfig({ TONGBAN_CASE_NUMBER_PREFIX: bad })).toThrow(/TONGBAN_CASE_NUMBER_PREFIX must be 1-8 capital letters/);
    }
  });

  it('reads the URLs, port, data folder and a comma-separated list of intake keys', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db/tongban',
      REDIS_URL: 'redis://cache:6379',
      PORT: '8080',
      TONGBAN_DATA_DIR: '/srv/tongban/pg',
      TONGBAN_INTAKE_API_KEYS: 'portal-a, portal-b,',
      TONGBAN_QUEUE_PREFIX: '{tongban}',
      TONGBAN_HEALTH_PORT: '9101',
      TONGBAN_SHUTDOWN_GRACE_MS: '8000',
      TONGBAN_SWEEP_INTERVAL_MS: '600000',
      TONGBAN_LOG_LEVEL: 'Debug',
    });
    expect(config).toMatchObject({
      queuePrefix: '{tongban}',
      healthPort: 9101,
      shutdownGraceMs: 8_000,
      sweepIntervalMs: 600_000,
      logLevel: 'debug',
      databaseUrl: 'postgres://u:p@db/tongban',
      redisUrl: 'redis://cache:6379',
      port: 8080,
      postgresDataDir: '/srv/tongban/pg',
      intakeApiKeys: ['portal-a', 'portal-b'],
    });
  });

  it('names PORT when it is not a port number', () => {
    expect(() => loadConfig({ PORT: 'http' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a TCP port number .* got '70000'/);
  });

  it('names the variable of a duration or port that is not a whole number in range', () => {
    expect(() => loadConfig({ TONGBAN_SHUTDOWN_GRACE_MS: '25s' })).toThrow(/TONGBAN_SHUTDOWN_GRACE_MS must be a number of milliseconds .* got '25s'/);
    expect(() => loadConfig({ TONGBAN_HEALTH_PORT: '-1' })).toThrow(/TONGBAN_HEALTH_PORT must be a TCP port number/);
    expect(() => loadConfig({ TONGBAN_SWEEP_INTERVAL_MS: '0' })).toThrow(ConfigError);
  });

  it('names TONGBAN_LOG_LEVEL and the levels it takes when the level is unknown', () => {
    expect(() => loadConfig({ TONGBAN_LOG_LEVEL: 'verbose' })).toThrow(
      /TONGBAN_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'verbose'/,
    );
  });

  it('hash-tags the default queue prefix on a Redis Cluster and refuses a prefix without a tag there', () => {
    expect(loadConfig({ REDIS_URL: 'redis+cluster://a:7000,b:7001' }).queuePrefix).toBe('{tongban}');
    expect(loadConfig({ REDIS_URL: 'redis+cluster://a:7000', TONGBAN_QUEUE_PREFIX: 'city-{tongban}' }).queuePrefix).toBe('city-{tongban}');
    expect(loadConfig({ REDIS_URL: 'redis://a:6379' }).queuePrefix).toBe('tongban');
    expect(() => loadConfig({ REDIS_URL: 'redis+cluster://a:7000', TONGBAN_QUEUE_PREFIX: 'tongban' })).toThrow(
      /TONGBAN_QUEUE_PREFIX must carry a hash tag on a Redis Cluster, e.g. '\{tongban\}'.*got 'tongban'/,
    );
  });

  it('names REDIS_URL when its cluster node list cannot be read', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis+cluster://a:7000,:x' })).toThrow(/^REDIS_URL: ':x' in the Redis Cluster URL is not host:port$/);
  });
});
