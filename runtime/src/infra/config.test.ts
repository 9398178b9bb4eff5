import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, demoIntakeApiKey, loadConfig, repoRoot } from './config.ts';

describe('loadConfig', () => {
  it('uses embedded services, port 3000 and the data folder of the checkout when nothing is set', () => {
    const config = loadConfig({ DATABASE_URL: '', REDIS_URL: ' ' });
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      postgresDataDir: path.join(repoRoot, '.data', 'postgres'),
      intakeApiKeys: [demoIntakeApiKey],
      consoleDir: path.join(repoRoot, 'designer', 'dist'),
    });
  });

  it('reads the URLs, port, data folder and a comma-separated list of intake keys', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db/tongban',
      REDIS_URL: 'redis://cache:6379',
      PORT: '8080',
      TONGBAN_DATA_DIR: '/srv/tongban/pg',
      TONGBAN_INTAKE_API_KEYS: 'portal-a, portal-b,',
    });
    expect(config).toMatchObject({
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
});
