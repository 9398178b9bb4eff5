/** What one seeding pass changed in one table: zero and zero when the data was already there. */
export interface SeedCounts {
  inserted: number;
  updated: number;
}

/** Counts rows returned by an upsert's `returning({ inserted: sql\`xmax = 0\` })`. */
export function countUpserts(rows: readonly { inserted: boolean }[]): SeedCounts {
  const inserted = rows.filter((row) => row.inserted).length;
  return { inserted, updated: rows.length - inserted };
}
