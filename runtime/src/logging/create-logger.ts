import { pino, type DestinationStream, type Logger } from 'pino';
import { build as prettyStream } from 'pino-pretty';
import type { RoleName } from '../health/health.ts';

/** The levels `TONGBAN_LOG_LEVEL` accepts, most severe first; `silent` logs nothing. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  role: RoleName;
  level: LogLevel;
  /** Where the lines go. Default standard output. */
  destination?: DestinationStream;
  /** Readable lines (pino-pretty) instead of JSON. Default: when standard output is a terminal. */
  pretty?: boolean;
}

/**
 * The process's pino logger: one JSON object a line (`level` as a number, `time` as ISO 8601,
 * `role`, `pid`, `msg`, and the fields of the line), or the same lines made readable by
 * pino-pretty for a terminal.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const settings = { level: options.level, base: { role: options.role, pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  if (options.pretty ?? process.stdout.isTTY === true) {
    return pino(settings, prettyStream({ destination: options.destination ?? 1, sync: true, colorize: options.destination === undefined, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,role' }));
  }
  return pino(settings, options.destination ?? pino.destination({ dest: 1, sync: true }));
}
