/** What may be logged of an error: nothing that the request carried in (query parameters). */
export interface LoggableError {
  class: string;
  code?: string;
  message: string;
  /** The stack frames only: the first line of a stack repeats the message, parameters and all. */
  frames?: string[];
  cause?: LoggableError;
}

/** drizzle-orm's `DrizzleQueryError` message: `Failed query: <sql>\nparams: <values>`. */
const QUERY_PARAMS = /\nparams: [\s\S]*$/;

/**
 * The class, code and message of an error and of its causes, without the parameters of a failed
 * query (drizzle's `params: …` text, and any parameter PostgreSQL quotes back in a message, e.g.
 * `invalid input syntax for type integer: "张三"`), which hold applicants' personal data.
 *
 * Pure: performs no I/O.
 */
export function loggableError(error: unknown): LoggableError {
  return describe(error, parametersOf(error), 0);
}

function parametersOf(error: unknown): string[] {
  const found: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    for (const name of ['params', 'parameters'] as const) {
      const values = (e as unknown as Record<string, unknown>)[name];
      if (Array.isArray(values)) found.push(...values.filter((v) => v !== null && v !== undefined).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
    }
  }
  return found.filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
}

function describe(error: unknown, parameters: string[], depth: number): LoggableError {
  const redact = (text: string): string => parameters.reduce((t, p) => t.split(p).join('[parameter]'), text);
  if (!(error instanceof Error)) return { class: typeof error, message: 'a non-Error value was thrown' };
  const code = (error as { code?: unknown }).code;
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .map((line) => line.trim());
  const cause = (error as { cause?: unknown }).cause;
  return {
    class: error.constructor.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    message: redact(error.message.replace(QUERY_PARAMS, '')),
    ...(frames && frames.length > 0 ? { frames } : {}),
    ...(cause !== undefined && depth < 3 ? { cause: describe(cause, parameters, depth + 1) } : {}),
  };
}
