import { Column, is, SQL, sql, Table } from 'drizzle-orm';
import { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { tasks } from './schema/index.ts';

// drizzle-orm is patched (patches/drizzle-orm+0.45.4.patch): `is` remembers the entity kinds of a
// class and its ancestors instead of walking the chain on every call. The answers must not change.
describe("drizzle's is(), as patched", () => {
  it('recognises an entity as its own class and as each ancestor, on every call', () => {
    for (let round = 0; round < 3; round += 1) {
      expect(is(tasks.id, PgColumn)).toBe(true);
      expect(is(tasks.id, Column)).toBe(true);
      expect(is(tasks, PgTable)).toBe(true);
      expect(is(tasks, Table)).toBe(true);
      expect(is(sql`select 1`, SQL)).toBe(true);
    }
  });

  it('refuses an entity of another kind, a plain object, a string and a date', () => {
    for (let round = 0; round < 3; round += 1) {
      expect(is(tasks.id, Table)).toBe(false);
      expect(is(tasks, Column)).toBe(false);
      expect(is(sql`select 1`, Column)).toBe(false);
      expect(is({ id: 'x' }, SQL)).toBe(false);
      expect(is('text', SQL)).toBe(false);
      expect(is(new Date(), Column)).toBe(false);
    }
  });

  it('still refuses to test against a class that is not a drizzle entity', () => {
    expect(() => is(tasks.id, Date as never)).toThrow(/doesn't look like a Drizzle entity/);
  });
});
