import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from './migrate.ts';
import { journalProblems, readJournal, type JournalMigration } from './migration-journal.ts';

const journal: JournalMigration[] = [
  { tag: '0000_init', when: 1_000, hash: 'a'.repeat(64) },
  { tag: '0001_tasks', when: 2_000, hash: 'b'.repeat(64) },
  { tag: '0002_timers', when: 3_000, hash: 'c'.repeat(64) },
];
const applied = (...entries: JournalMigration[]) => entries.map((m) => ({ hash: m.hash, createdAt: m.when }));
const [init, tasks, timers] = journal as [JournalMigration, JournalMigration, JournalMigration];

describe('journalProblems', () => {
  it('should find nothing wrong with a journal whose newer entries are pending', () => {
    expect(journalProblems(journal, [])).toEqual([]);
    expect(journalProblems(journal, applied(init))).toEqual([]);
    expect(journalProblems(journal, applied(init, tasks, timers))).toEqual([]);
  });

  it('should name an entry not applied whose when is older than the newest applied one', () => {
    const backDated = { tag: '0003_case_notes', when: 1_500, hash: 'd'.repeat(64) };
    const problems = journalProblems([...journal, backDated], applied(init, tasks, timers));
    expect(problems).toEqual([expect.objectContaining({ code: 'migration-back-dated', migration: '0003_case_notes' })]);
    expect(problems[0]?.message).toContain("Give it a 'when' after 1970-01-01T00:00:03.000Z");
  });

  it('should name an applied entry whose file hashes differently now', () => {
    const edited = journal.map((m) => (m.tag === '0001_tasks' ? { ...m, hash: 'e'.repeat(64) } : m));
    const problems = journalProblems(edited, applied(init, tasks));
    expect(problems).toEqual([expect.objectContaining({ code: 'migration-edited', migration: '0001_tasks' })]);
    expect(problems[0]?.message).toContain('never edited after it lands');
  });

  it('should name a migration the database recorded and the journal does not hold', () => {
    const problems = journalProblems([init, tasks], applied(init, tasks, timers));
    expect(problems).toEqual([expect.objectContaining({ code: 'migration-missing', migration: `hash:${'c'.repeat(12)}` })]);
  });
});

describe('the committed migrations', () => {
  it('should have journal when values that strictly increase, so none can be skipped', () => {
    const whens = readJournal(migrationsFolder).map((m) => m.when);
    expect(whens.length).toBeGreaterThan(0);
    for (let i = 1; i < whens.length; i++) expect(whens[i], `entry ${i}`).toBeGreaterThan(whens[i - 1] as number);
  });

  it('should hash each file as drizzle-orm records it', () => {
    const ours = readJournal(migrationsFolder).map((m) => ({ when: m.when, hash: m.hash }));
    const drizzles = readMigrationFiles({ migrationsFolder }).map((m) => ({ when: m.folderMillis, hash: m.hash }));
    expect(ours).toEqual(drizzles);
  });
});
