import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (the folder above `runtime/`). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The demo intake API key used when `TONGBAN_INTAKE_API_KEYS` is not set. */
export const demoIntakeApiKey = 'tongban-demo-intake-key';

/** Settings read from the environment. */
export interface TongbanConfig {
  /** `DATABASE_URL`; absent → embedded PostgreSQL. */
  databaseUrl?: string;
  /** `REDIS_URL`; absent → `redis-server` from PATH. */
  redisUrl?: string;
  /** `PORT` of the HTTP server. Default 3000. */
  port: number;
  /** `HOST` the HTTP server binds. Default `127.0.0.1`. */
  host: string;
  /** `TONGBAN_DATA_DIR`: where the embedded PostgreSQL keeps its data. Default `<repo>/.data/postgres`. */
  postgresDataDir: string;
  /** `TONGBAN_INTAKE_API_KEYS`, comma-separated. Default the demo key. */
  intakeApiKeys: string[];
  /** Folder of the built console: `<repo>/designer/dist`. */
  consoleDir: string;
}

/** Thrown for an environment variable whose value cannot be used; names the variable. */
export class ConfigError extends Error {
  readonly code = 'invalid-config';

  constructor(readonly variable: string, message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads Tongban's settings from `env`; empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TongbanConfig {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const portText = value('PORT') ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError('PORT', `PORT must be a TCP port number (0-65535), got '${portText}'`);
  }
  const databaseUrl = value('DATABASE_URL');
  const redisUrl = value('REDIS_URL');
  return {
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(redisUrl === undefined ? {} : { redisUrl }),
    port,
    host: value('HOST') ?? '127.0.0.1',
    postgresDataDir: path.resolve(value('TONGBAN_DATA_DIR') ?? path.join(repoRoot, '.data', 'postgres')),
    intakeApiKeys: (value('TONGBAN_INTAKE_API_KEYS') ?? demoIntakeApiKey)
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key !== ''),
    consoleDir: path.join(repoRoot, 'designer', 'dist'),
  };
}
