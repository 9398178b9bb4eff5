import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema/index.ts';
import { errorHandler } from '../../src/http/middleware/error-handler.ts';
import { createTestDatabase, type TestDatabase } from '../support/index.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

const NAME = '王小明';
const PHONE = '13912345678';

async function logOf(query: () => Promise<unknown>): Promise<{ response: Response; logged: string }> {
  const logged: unknown[] = [];
  const app = new Hono();
  app.onError(errorHandler({ logger: { error: (message, context) => logged.push({ message, context }) } }));
  app.get('/', async () => {
    await query();
    return new Response('unreachable');
  });
  const response = await app.request('/');
  expect(logged).toHaveLength(1);
  return { response, logged: JSON.stringify(logged) };
}

describe('the log of a 500 from a failed query', () => {
  it('names the error class, code, message and reference but never the query parameters', async () => {
    const { response, logged } = await logOf(() =>
      database.db.insert(cases).values({
        id: 'c-log',
        definitionKey: 'http-permit',
        definitionVersion: 1,
        jurisdictionId: 'sh-nowhere',
        calendarKey: 'cn-mainland',
        applicant: { name: NAME, phone: PHONE },
        data: {},
        status: 'active',
        snapshot: {},
        createdAt: new Date(),
        updatedAt: new Date(),
      }),
    );
    expect(response.status).toBe(500);
    const { reference } = ((await response.json()) as { error: { details: { reference: string } } }).error.details;
    expect(logged).toContain(reference);
    expect(logged).toContain('DrizzleQueryError');
    expect(logged).toContain('PostgresError');
    expect(logged).toContain('23503');
    expect(logged).toContain('insert into \\"cases\\"');
    expect(logged).not.toContain(NAME);
    expect(logged).not.toContain(PHONE);
    expect(logged).not.toContain('params:');
  });

  it('keeps a parameter that PostgreSQL quotes back in its own message out of the log', async () => {
    const { logged } = await logOf(() => database.db.execute(sql`select ${PHONE + NAME}::int`));
    expect(logged).toContain('[parameter]');
    expect(logged).not.toContain(NAME);
    expect(logged).not.toContain(PHONE);
  });
});
