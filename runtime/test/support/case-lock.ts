import type postgres from 'postgres';

/** A row lock on one case, held by the test so that whatever acts on the case waits. */
export interface CaseLock {
  /** Commits the test's transaction: the waiting work goes on. */
  release(): Promise<void>;
}

/**
 * Locks the row of case `caseId` (`SELECT … FOR UPDATE`, as every event applied to a case does)
 * in a transaction of its own: a completion or a timer of that case then waits, in flight, until
 * {@link CaseLock.release}.
 */
export async function holdCaseLock(sql: postgres.Sql, caseId: string): Promise<CaseLock> {
  const reserved = await sql.reserve();
  await reserved`begin`;
  await reserved`select id from cases where id = ${caseId} for update`;
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await reserved`commit`;
      reserved.release();
    },
  };
}

/**
 * Resolves once at least `waiters` queries of database `sql` wait for a lock (the work the test
 * holds up is in flight).
 */
export async function someoneWaitsForALock(sql: postgres.Sql, { waiters = 1, timeoutMs = 30_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
    if ((row?.n ?? 0) >= waiters) return;
    if (Date.now() > deadline) throw new Error(`Fewer than ${waiters} queries waited for a lock within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
