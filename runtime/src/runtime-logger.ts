/** Where the runtime reports what it cannot throw to a caller (a failed dispatch, a worker error). */
export interface RuntimeLogger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}
