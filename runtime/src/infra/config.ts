import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { CASE_NUMBER_PREFIX, defaultCaseNumberPrefix } from '../cases/case-number.ts';
import { logLevels, type LogLevel } from '../logging/create-logger.ts';
import { hashTagOf, InvalidRedisUrlError, isClusterUrl, parseRedisUrl } from '../queues/redis-address.ts';
import { EgressPolicy, InvalidAllowedHostError } from '../egress/index.ts';

/** The repository root (the folder above `runtime/`). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The demo intake API key used when `TONGBAN_INTAKE_API_KEYS` is not set. */
export const demoIntakeApiKey = 'tongban-demo-intake-key';

/** The port of `tongban worker`'s health endpoints when `TONGBAN_HEALTH_PORT` is not set. */
export const defaultHealthPort = 3001;

/** How long an orderly shutdown may take, ms, when `TONGBAN_SHUTDOWN_GRACE_MS` is not set (below Kubernetes' 30 s). */
export const defaultShutdownGraceMs = 25_000;

/** Settings read from the environment. */
export interface TongbanConfig {
  /** `DATABASE_URL`; absent → embedded PostgreSQL. */
  databaseUrl?: string;
  /** `REDIS_URL`: one server (`redis://`) or a Redis Cluster (`redis+cluster://host:port,…`); absent → `redis-server` from PATH. */
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
  /**
   * `TONGBAN_QUEUE_PREFIX`: the BullMQ key prefix every role of one system shares. Default
   * `tongban`, on a Redis Cluster `{tongban}`; there it must carry a hash tag (`{…}`).
   */
  queuePrefix: string;
  /** `TONGBAN_HEALTH_PORT`: port of `tongban worker`'s `/healthz` and `/readyz`. Default {@link defaultHealthPort}. */
  healthPort: number;
  /** `TONGBAN_SHUTDOWN_GRACE_MS`: how long the shutdown after SIGTERM or SIGINT may take before the exit is forced. Default {@link defaultShutdownGraceMs}. */
  shutdownGraceMs: number;
  /** `TONGBAN_SWEEP_INTERVAL_MS`: period of the workers' sweeper (outbox rows and jobs left behind), ms. Default 5 000. */
  sweepIntervalMs: number;
  /** `TONGBAN_CASE_NUMBER_PREFIX`: the prefix of case numbers (`SH-2026-000123`), 1–8 capital letters. Default `SH`. */
  caseNumberPrefix: string;
  /** `TONGBAN_LOG_LEVEL`: the least severe level logged (`fatal` … `trace`, or `silent`). Default `info`. */
  logLevel: LogLevel;
  /**
   * `TONGBAN_WEBHOOK_ALLOWED_HOSTS`, comma-separated: private hosts webhooks may reach all the same
   * (host names, IP addresses, CIDR ranges: a city's internal network). Default none: public addresses only.
   */
  webhookAllowedHosts: string[];
  /**
   * `TONGBAN_SERVICE_ALLOWED_HOSTS`, comma-separated: private hosts a service task's `http-call` may
   * reach all the same (a city's internal systems). Default none: public addresses only.
   */
  serviceAllowedHosts: string[];
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
  const integer = (name: string, fallback: number, min: number, max: number, what: string): number => {
    const text = value(name);
    if (text === undefined) return fallback;
    const parsed = Number(text);
    if (!/^\d+$/.test(text) || parsed < min || parsed > max) {
      throw new ConfigError(name, `${name} must be ${what}, got '${text}'`);
    }
    return parsed;
  };
  const port = integer('PORT', 3000, 0, 65_535, 'a TCP port number (0-65535)');
  const databaseUrl = value('DATABASE_URL');
  const caseNumberPrefix = value('TONGBAN_CASE_NUMBER_PREFIX') ?? defaultCaseNumberPrefix;
  if (!CASE_NUMBER_PREFIX.test(caseNumberPrefix)) {
    throw new ConfigError('TONGBAN_CASE_NUMBER_PREFIX', `TONGBAN_CASE_NUMBER_PREFIX must be 1-8 capital letters (A-Z), got '${caseNumberPrefix}'`);
  }
  const redisUrl = value('REDIS_URL');
  const cluster = redisUrl !== undefined && isClusterUrl(redisUrl);
  if (redisUrl !== undefined) checkRedisUrl(redisUrl);
  const queuePrefix = value('TONGBAN_QUEUE_PREFIX') ?? (cluster ? '{tongban}' : 'tongban');
  if (cluster && hashTagOf(queuePrefix) === undefined) {
    throw new ConfigError(
      'TONGBAN_QUEUE_PREFIX',
      `TONGBAN_QUEUE_PREFIX must carry a hash tag on a Redis Cluster, e.g. '{${queuePrefix.replace(/[{}]/g, '')}}', so that every key of the queues falls in one slot; got '${queuePrefix}'`,
    );
  }
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
    queuePrefix,
    healthPort: integer('TONGBAN_HEALTH_PORT', defaultHealthPort, 0, 65_535, 'a TCP port number (0-65535)'),
    shutdownGraceMs: integer('TONGBAN_SHUTDOWN_GRACE_MS', defaultShutdownGraceMs, 1, 3_600_000, 'a number of milliseconds (1-3600000)'),
    sweepIntervalMs: integer('TONGBAN_SWEEP_INTERVAL_MS', 5_000, 100, 86_400_000, 'a number of milliseconds (100-86400000)'),
    caseNumberPrefix,
    logLevel: logLevel(value('TONGBAN_LOG_LEVEL')),
    webhookAllowedHosts: allowedHosts('TONGBAN_WEBHOOK_ALLOWED_HOSTS', value('TONGBAN_WEBHOOK_ALLOWED_HOSTS')),
    serviceAllowedHosts: allowedHosts('TONGBAN_SERVICE_ALLOWED_HOSTS', value('TONGBAN_SERVICE_ALLOWED_HOSTS')),
  };
}

/** The entries of the comma-separated allowed hosts in `variable`, each one an {@link EgressPolicy} can read. */
function allowedHosts(variable: string, text: string | undefined): string[] {
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  try {
    EgressPolicy.allowing(entries);
  } catch (error) {
    if (error instanceof InvalidAllowedHostError) throw new ConfigError(variable, `${variable}: ${error.message}`);
    throw error;
  }
  return entries;
}

function checkRedisUrl(url: string): void {
  try {
    parseRedisUrl(url);
  } catch (error) {
    if (error instanceof InvalidRedisUrlError) throw new ConfigError('REDIS_URL', `REDIS_URL: ${error.message}`);
    throw error;
  }
}

function logLevel(text: string | undefined): LogLevel {
  if (text === undefined) return 'info';
  const level = logLevels.find((l) => l === text.toLowerCase());
  if (level === undefined) throw new ConfigError('TONGBAN_LOG_LEVEL', `TONGBAN_LOG_LEVEL must be one of ${logLevels.join(', ')}, got '${text}'`);
  return level;
}
