import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseNumberCounters } from '../db/schema/index.ts';
import type { Tx } from './transaction.ts';

/** The case-number prefix when `TONGBAN_CASE_NUMBER_PREFIX` is not set (Shanghai). */
export const defaultCaseNumberPrefix = 'SH';

/** A case-number prefix: 1–8 capital letters (it never holds the `-` that separates the parts). */
export const CASE_NUMBER_PREFIX = /^[A-Z]{1,8}$/;

/** A case number as {@link formatCaseNumber} writes it, e.g. `SH-2026-000123`. */
export const CASE_NUMBER = /^[A-Z]{1,8}-\d{4}-\d{6,}$/;

/**
 * The number a person reads: `<prefix>-<year>-<sequence>`, the sequence zero-padded to six digits
 * (longer past 999,999), e.g. `formatCaseNumber('SH', 2026, 123)` → `SH-2026-000123`.
 *
 * Pure: performs no I/O.
 */
export function formatCaseNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The year of filing: the calendar year of `at` in `timeZone` (a case filed at 00:30 on 1
 * January in Shanghai belongs to the new year, though it is still 31 December in UTC).
 *
 * Pure: performs no I/O.
 */
export function filingYear(at: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(at));
}

/** The prefix of `caseNumber` (the part before the first `-`). Pure. */
export function caseNumberPrefixOf(caseNumber: string): string {
  return caseNumber.slice(0, caseNumber.indexOf('-'));
}

/**
 * Draws the next case number of `prefix` and `year`: one upsert on the counter row, which
 * PostgreSQL serialises (concurrent callers wait for the row, each gets the next value), so no two
 * cases share a number. Numbers increase; a filing rolled back after drawing one leaves a gap.
 */
export async function drawCaseNumber(db: Db | Tx, prefix: string, year: number): Promise<string> {
  const [row] = await db
    .insert(caseNumberCounters)
    .values({ prefix, year, lastValue: 1 })
    .onConflictDoUpdate({ target: [caseNumberCounters.prefix, caseNumberCounters.year], set: { lastValue: sql`${caseNumberCounters.lastValue} + 1` } })
    .returning({ lastValue: caseNumberCounters.lastValue });
  if (!row) throw new Error(`No case number was drawn for prefix '${prefix}' and year ${year}`);
  return formatCaseNumber(prefix, year, row.lastValue);
}
