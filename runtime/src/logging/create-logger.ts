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
  /** Where the lines go. Default standard output: pretty when it is a terminal, JSON lines otherwise. */
  destination?: DestinationStream;
}

/**
 * The process's pino logger: one JSON object a line (`level` as a number, `time` as ISO 8601,
 * `role`, `pid`, `msg`, and the fields of the line), or, when standard output is a terminal and no
 * destination is given, the same lines made readable by pino-pretty.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const settings = { level: options.level, base: { role: options.role, pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  if (options.destination !== undefined) return pino(settings, options.destination);
  if (process.stdout.isTTY) return pino(settings, prettyStream({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,role' }));
  return pino(settings, pino.destination({ dest: 1, sync: true }));
}
