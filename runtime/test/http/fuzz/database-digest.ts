import type postgres from 'postgres';

/**
 * A function giving a digest of every table of the `public` schema: per table, its row count and
 * the sum of its rows' `xmin` (the transaction that wrote each row version). A row inserted or
 * updated gets a new `xmin`, a row deleted lowers the count, so two equal digests mean no row was
 * added, changed or removed in between — without hashing every row's text on every request. The
 * tables are listed once, when it is made.
 */
export async function databaseDigester(sql: postgres.Sql): Promise<() => Promise<string>> {
  const tables = await sql<{ table_name: string }[]>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;
  const query = tables
    .map(({ table_name }) => `select '${table_name}' as t, count(*) as n, coalesce(sum(xmin::text::bigint), 0) as x from "${table_name}"`)
    .join(' union all ');
  return async () => {
    const rows = await sql.unsafe<{ t: string; n: string; x: string }[]>(query);
    return rows.map((row) => `${row.t}:${row.n}:${row.x}`).join('|');
  };
}
