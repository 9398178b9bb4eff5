/** What a log may say of one parameter of a failed query: never its value. */
export interface ParameterDescription {
  /** 1-based, as the `$n` placeholder of the SQL text names it. */
  position: number;
  /** `string`, `number`, `boolean`, `null`, `date`, `bytes`, `array`, `object`, `bigint` or `undefined`. */
  type: string;
  /** Characters of a string, items of an array, bytes of a buffer, characters of an object's JSON. */
  length?: number;
}

/** The query that failed: its SQL text as sent, with its `$n` placeholders, and what each parameter was. */
export interface LoggableQuery {
  sql: string;
  parameters: ParameterDescription[];
}

/**
 * The fields of a PostgreSQL error report that carry no data (PostgreSQL docs, 55.8 "Error and
 * Notice Message Fields"): never `message`, `detail`, `hint`, `where` or `internal_query`, which
 * may quote values (`invalid input syntax for type integer: "张三"`, `Key (id)=(…) already exists`).
 */
export interface LoggablePostgresReport {
  severity?: string;
  /** SQLSTATE, e.g. `23503`. */
  code: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  /** The PostgreSQL source routine that reported it, e.g. `ri_ReportViolation`. */
  routine?: string;
  /** Character position in the SQL text the error points at (1-based). */
  position?: number;
}

/** What may be logged of an error: nothing that the request carried in (query parameters). */
export interface LoggableError {
  class: string;
  code?: string;
  message: string;
  /** The stack frames only: the first line of a stack repeats the message. */
  frames?: string[];
  query?: LoggableQuery;
  postgres?: LoggablePostgresReport;
  cause?: LoggableError;
}

/**
 * Classes of SQLSTATE codes (the first two characters), from PostgreSQL's Appendix A "PostgreSQL
 * Error Codes", so a templated message still says what kind of error it was.
 */
const SQLSTATE_CLASSES: Record<string, string> = {
  '08': 'connection exception',
  '0A': 'feature not supported',
  '21': 'cardinality violation',
  '22': 'data exception',
  '23': 'integrity constraint violation',
  '25': 'invalid transaction state',
  '28': 'invalid authorization specification',
  '2B': 'dependent privilege descriptors still exist',
  '34': 'invalid cursor name',
  '3D': 'invalid catalog name',
  '3F': 'invalid schema name',
  '40': 'transaction rollback',
  '42': 'syntax error or access rule violation',
  '53': 'insufficient resources',
  '54': 'program limit exceeded',
  '55': 'object not in prerequisite state',
  '57': 'operator intervention',
  '58': 'system error',
  P0: 'PL/pgSQL error',
  XX: 'internal error',
};

/**
 * The class, code and message of an error and of its causes, fit for a log: the failed query's
 * SQL text as it was sent (with its `$n` placeholders) and a description of each parameter by
 * position, type and length, never its value; of a PostgreSQL error report only the fields that
 * carry no data (severity, SQLSTATE, schema, table, column, data type, constraint, routine,
 * position) and a message made from them, since PostgreSQL may quote a value in its own message.
 * No text is searched for parameter values.
 *
 * Pure: performs no I/O.
 */
export function loggableError(error: unknown): LoggableError {
  return describe(error, 0, false);
}

function describe(error: unknown, depth: number, queryDescribed: boolean): LoggableError {
  if (!(error instanceof Error)) return { class: typeof error, message: 'a non-Error value was thrown' };
  const fields = error as unknown as Record<string, unknown>;
  const report = postgresReport(fields);
  const query = queryDescribed ? undefined : failedQuery(fields);
  const code = fields.code;
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .map((line) => line.trim());
  const cause = fields.cause;
  return {
    class: error.constructor.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    message: report ? templatedMessage(report) : query && 'params' in fields ? 'Failed query' : error.message,
    ...(frames && frames.length > 0 ? { frames } : {}),
    ...(query ? { query } : {}),
    ...(report ? { postgres: report } : {}),
    ...(cause !== undefined && depth < 3 ? { cause: describe(cause, depth + 1, queryDescribed || query !== undefined) } : {}),
  };
}

/**
 * The query of drizzle-orm's `DrizzleQueryError` (`query`, `params`: the values as the code gave
 * them) or of a postgres.js error (`query`, `parameters`: the values as serialised for the wire).
 */
function failedQuery(fields: Record<string, unknown>): LoggableQuery | undefined {
  if (typeof fields.query !== 'string') return undefined;
  const values = Array.isArray(fields.params) ? fields.params : Array.isArray(fields.parameters) ? fields.parameters : [];
  return { sql: fields.query, parameters: values.map((value, index) => ({ position: index + 1, ...shapeOf(value) })) };
}

function shapeOf(value: unknown): { type: string; length?: number } {
  if (value === null) return { type: 'null' };
  if (typeof value === 'string') return { type: 'string', length: value.length };
  if (value instanceof Date) return { type: 'date' };
  if (value instanceof Uint8Array) return { type: 'bytes', length: value.byteLength };
  if (Array.isArray(value)) return { type: 'array', length: value.length };
  if (typeof value === 'object') {
    let length: number | undefined;
    try {
      length = JSON.stringify(value)?.length;
    } catch {
      length = undefined;
    }
    return length === undefined ? { type: 'object' } : { type: 'object', length };
  }
  return { type: typeof value };
}

/** The data-free fields of a PostgreSQL error report (postgres.js `PostgresError`), if `fields` is one. */
function postgresReport(fields: Record<string, unknown>): LoggablePostgresReport | undefined {
  const code = fields.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || typeof fields.severity !== 'string') return undefined;
  const text = (name: string): string | undefined => (typeof fields[name] === 'string' && fields[name] !== '' ? (fields[name] as string) : undefined);
  const position = Number(fields.position);
  const report: LoggablePostgresReport = { code };
  const entries: [keyof LoggablePostgresReport, string | undefined][] = [
    ['severity', text('severity')],
    ['schema', text('schema_name')],
    ['table', text('table_name')],
    ['column', text('column_name')],
    ['dataType', text('data_type_name')],
    ['constraint', text('constraint_name')],
    ['routine', text('routine')],
  ];
  for (const [key, value] of entries) if (value !== undefined) (report as unknown as Record<string, string>)[key] = value;
  if (Number.isInteger(position) && position > 0) report.position = position;
  return report;
}

/** `PostgreSQL 23503 (integrity constraint violation) on table cases, constraint …, in ri_ReportViolation; …`. */
function templatedMessage(report: LoggablePostgresReport): string {
  const kind = SQLSTATE_CLASSES[report.code.slice(0, 2)];
  const on = [
    report.table && `table ${report.table}`,
    report.column && `column ${report.column}`,
    report.constraint && `constraint ${report.constraint}`,
    report.dataType && `type ${report.dataType}`,
  ].filter((part): part is string => typeof part === 'string');
  return (
    `PostgreSQL ${report.code}${kind ? ` (${kind})` : ''}` +
    (on.length > 0 ? ` on ${on.join(', ')}` : '') +
    (report.routine ? `, in ${report.routine}` : '') +
    '; its message is left out, as it may quote data'
  );
}
