import type postgres from 'postgres';

/** Tables whose rows a request could write. */
const TABLES = [
  'sessions',
  'workflow_definitions',
  'cases',
  'tasks',
  'case_events',
  'timers',
  'outbox',
  'notifications',
  'incidents',
  'virtual_clock',
  'calendars',
  'calendar_notices',
] as const;

/** Row counts of every table a request could write, by table; a table the schema lacks is left out. */
export async function rowCounts(sql: postgres.Sql): Promise<Record<string, number>> {
  const present = await sql<{ table_name: string }[]>`
    select table_name from information_schema.tables where table_schema = 'public' and table_name in ${sql(TABLES)}`;
  const counts: Record<string, number> = {};
  for (const { table_name } of present) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(table_name)}`;
    counts[table_name] = row?.n ?? 0;
  }
  return counts;
}
