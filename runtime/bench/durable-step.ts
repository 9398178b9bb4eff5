/**
 * The bare "durable step": the transaction every event of a case costs at the least, without
 * Tongban (`SELECT … FOR UPDATE` of the case row, `UPDATE` of its snapshot and version, two
 * `INSERT`s: an audit event and an outbox row, `COMMIT`), through postgres.js (the runtime's
 * driver) on tables of its own (`bench_step_*`) shaped like `cases`, `case_events` and `outbox`.
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';

/** Case rows the steps pick from at random (few enough to share pages, enough to rarely collide). */
const CASE_ROWS = 10_000;

/** Creates the tables and `CASE_ROWS` case rows holding `snapshot` (a real snapshot, as JSON text). */
export async function prepareDurableStep(url: string, snapshot: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await sql`create table if not exists bench_step_cases (id int primary key, snapshot jsonb not null, version int not null, updated_at timestamptz not null)`;
    await sql`create table if not exists bench_step_events (id bigserial primary key, case_id int not null, type text not null, payload jsonb not null, at timestamptz not null)`;
    await sql`create index if not exists bench_step_events_case_idx on bench_step_events (case_id, id)`;
    await sql`create table if not exists bench_step_outbox (id bigserial primary key, topic text not null, payload jsonb not null, created_at timestamptz not null, dispatched_at timestamptz)`;
    await sql`insert into bench_step_cases select g, ${snapshot}::jsonb, 0, now() from generate_series(1, ${CASE_ROWS}::int) g on conflict do nothing`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Durable steps per second with `clients` connections, each running one step after another for `seconds`. */
export async function durableStepsPerSecond(url: string, clients: number, seconds: number, snapshot: string): Promise<number> {
  const sql = postgres(url, { max: clients, onnotice: () => undefined });
  try {
    let done = 0;
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until) {
          const id = 1 + Math.floor(Math.random() * CASE_ROWS);
          await sql.begin(async (tx) => {
            const [row] = await tx`select version from bench_step_cases where id = ${id} for update`;
            await tx`update bench_step_cases set snapshot = ${snapshot}::jsonb, version = ${(row?.version as number) + 1}, updated_at = now() where id = ${id}`;
            await tx`insert into bench_step_events (case_id, type, payload, at) values (${id}, 'task.completed', ${'{"outcome":"approve"}'}::jsonb, now())`;
            await tx`insert into bench_step_outbox (topic, payload, created_at) values ('timer.schedule', ${`{"timerId":"t-${id}-${done}"}`}::jsonb, now())`;
          });
          done += 1;
        }
      }),
    );
    return done / ((performance.now() - started) / 1000);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
