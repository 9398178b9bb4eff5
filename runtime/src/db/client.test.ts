import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/index.ts';
import type { TestDatabase } from '../../test/support/index.ts';
import { outbox } from './schema/index.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('createDb', () => {
  it('stores a jsonb value written through drizzle as an object, not as a JSON string', async () => {
    const [row] = await database.db
      .insert(outbox)
      .values({ topic: 'test', payload: { foo: 'bar', nested: { n: 1 } }, createdAt: new Date() })
      .returning({ id: outbox.id });
    const [typed] = await database.db
      .select({ type: sql<string>`jsonb_typeof(${outbox.payload})`, foo: sql<string>`${outbox.payload} ->> 'foo'` })
      .from(outbox)
      .where(eq(outbox.id, row!.id));
    expect(typed).toEqual({ type: 'object', foo: 'bar' });
  });

  it('reads back numeric-looking and boolean-looking strings inside jsonb as strings', async () => {
    const payload = { ratio: '0.1', flag: 'true', number: 0.1, yes: true, list: ['1', 2] };
    const [row] = await database.db
      .insert(outbox)
      .values({ topic: 'test', payload, createdAt: new Date() })
      .returning({ id: outbox.id });
    const [read] = await database.db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(read!.payload).toEqual(payload);
    expect(typeof read!.payload.ratio).toBe('string');
    expect(typeof read!.payload.flag).toBe('string');
  });

  it('stores an object passed to a raw postgres.js query as text with a jsonb cast', async () => {
    const value = { ratio: '0.1' };
    const [row] = await database.sql<{ type: string; ratio: unknown }[]>`
      insert into outbox (topic, payload, created_at)
      values ('raw', ${JSON.stringify(value)}::jsonb, now())
      returning jsonb_typeof(payload) as type, payload -> 'ratio' as ratio`;
    expect(row).toEqual({ type: 'object', ratio: '0.1' });
  });

  it('returns timestamps as Date objects', async () => {
    const at = new Date('2026-02-13T09:30:00.000Z');
    const [row] = await database.db.insert(outbox).values({ topic: 'test', payload: {}, createdAt: at }).returning();
    expect(row!.createdAt).toEqual(at);
  });
});
