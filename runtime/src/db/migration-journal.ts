import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MigrationJournalProblem } from './migration-journal-error.ts';

/** One entry of a drizzle-kit journal, with the hash drizzle records when it applies it. */
export interface JournalMigration {
  tag: string;
  /** `when` of the journal: milliseconds since the epoch; drizzle stores it as `created_at`. */
  when: number;
  /** SHA-256 (hex) of the migration's SQL file, as drizzle-orm's `readMigrationFiles` computes it. */
  hash: string;
}

/** One row of `drizzle.__drizzle_migrations`. */
export interface AppliedMigration {
  hash: string;
  /** `created_at`: the journal `when` of the migration applied, in milliseconds. */
  createdAt: number;
}

/**
 * The journal of `migrationsFolder` (`meta/_journal.json`) in its order, each entry with the hash
 * drizzle-orm 0.45 records for it: `sha256` of the whole text of `<tag>.sql`
 * (node_modules/drizzle-orm/migrator.js, `readMigrationFiles`).
 */
export function readJournal(migrationsFolder: string): JournalMigration[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map(({ tag, when }) => ({
    tag,
    when,
    hash: createHash('sha256').update(readFileSync(path.join(migrationsFolder, `${tag}.sql`)).toString()).digest('hex'),
  }));
}

const instant = (ms: number): string => new Date(ms).toISOString();
const short = (hash: string): string => hash.slice(0, 12);

/**
 * What stands between `journal` and the migrations the database recorded as `applied`:
 *
 * - `migration-edited`: an applied migration (same `when`) whose file now hashes differently;
 * - `migration-missing`: a recorded migration that no journal entry holds (by hash or `when`);
 * - `migration-back-dated`: an entry not applied whose `when` is not after the newest applied
 *   one, which drizzle would skip forever.
 *
 * Entries newer than every applied one are pending, not problems. Pure: performs no I/O.
 */
export function journalProblems(journal: readonly JournalMigration[], applied: readonly AppliedMigration[]): MigrationJournalProblem[] {
  const problems: MigrationJournalProblem[] = [];
  const journalHashes = new Set(journal.map((m) => m.hash));
  const appliedHashes = new Set(applied.map((m) => m.hash));
  const newestApplied = applied.reduce((newest, m) => Math.max(newest, m.createdAt), Number.NEGATIVE_INFINITY);
  for (const row of applied) {
    if (journalHashes.has(row.hash)) continue;
    const sameWhen = journal.find((m) => m.when === row.createdAt && !appliedHashes.has(m.hash));
    if (sameWhen) {
      problems.push({
        code: 'migration-edited',
        migration: sameWhen.tag,
        message:
          `Migration '${sameWhen.tag}' was applied with another text (hash ${short(row.hash)}… in the database, ${short(sameWhen.hash)}… in ${sameWhen.tag}.sql). ` +
          'A migration is never edited after it lands: restore the file as it was applied and put the change in a new migration (drizzle-kit generate).',
      });
    } else {
      problems.push({
        code: 'migration-missing',
        migration: `hash:${short(row.hash)}`,
        message:
          `The database recorded a migration (hash ${short(row.hash)}…, when ${instant(row.createdAt)}) that the journal does not list. ` +
          'This code is older than the database, or the migration was removed: run the version of Tongban that applied it, or restore the migration and its journal entry.',
      });
    }
  }
  for (const entry of journal) {
    if (appliedHashes.has(entry.hash) || entry.when > newestApplied) continue;
    if (applied.some((row) => row.createdAt === entry.when)) continue;
    problems.push({
      code: 'migration-back-dated',
      migration: entry.tag,
      message:
        `Migration '${entry.tag}' (when ${instant(entry.when)}) is older than the newest migration applied (${instant(newestApplied)}) and was never applied: drizzle would skip it forever. ` +
        `Give it a 'when' after ${instant(newestApplied)} in meta/_journal.json (or generate it again on top of the applied migrations), then migrate.`,
    });
  }
  return problems;
}
