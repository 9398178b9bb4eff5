/**
 * What drizzle costs in Node to build the statements of a completion, with no database
 * (`tsx bench/query-building.ts --rounds N --runs R`): the task and case read `FOR UPDATE OF cases`,
 * the timers' cancel, the case row's update and a two-row insert of audit events, built to SQL
 * text and parameters (`toSQL()`, the work drizzle does before every execution) N times per run
 * after a warm-up. Prints µs per set of four statements, median, min and max over the runs. The
 * HTTP profile (`profile-completions.ts`) puts drizzle's query building at a third of the API
 * process's time; this isolates it. Printed, not handed to the suite.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { summarise } from '@tongban/bench';
import { createDb } from '../src/db/client.ts';
import { caseEvents, cases, tasks, timers } from '../src/db/schema/index.ts';
import { argument } from './bench-system.ts';

const ROUNDS = argument('rounds', 5_000);
const RUNS = argument('runs', 5);
// Never connects: postgres.js opens a connection on the first query, and none is sent.
const { db, close } = createDb('postgres://bench@127.0.0.1:1/none', { max: 1 });
const now = new Date();

function buildCompletionStatements(): void {
  db.select({ task: tasks, case: cases }).from(tasks).innerJoin(cases, eq(cases.id, tasks.caseId)).where(eq(tasks.id, 'task-1')).for('update', { of: cases }).toSQL();
  db.update(timers).set({ status: 'cancelled' }).where(and(eq(timers.taskId, 'task-1'), inArray(timers.status, ['pending', 'paused']))).returning().toSQL();
  db.update(cases).set({ data: { name: 'x' }, snapshot: { value: 'intake' }, version: 2, updatedAt: now }).where(and(eq(cases.id, 'case-1'), eq(cases.version, 1))).returning({ version: cases.version }).toSQL();
  db.insert(caseEvents)
    .values([
      { caseId: 'case-1', type: 'task.completed', actorId: null, taskId: 'task-1', payload: { outcome: 'approve' }, at: now },
      { caseId: 'case-1', type: 'task.created', actorId: null, taskId: 'task-2', payload: { nodeId: 'review' }, at: now },
    ])
    .toSQL();
}

for (let i = 0; i < 2_000; i += 1) buildCompletionStatements();
const perSet: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i += 1) buildCompletionStatements();
  perSet.push(((performance.now() - started) * 1_000) / ROUNDS);
}
const { median, min, max } = summarise(perSet);
console.log(`drizzle query building, four completion statements: median ${median.toFixed(0)} µs (min ${min.toFixed(0)}, max ${max.toFixed(0)}) over ${RUNS} runs of ${ROUNDS}`);
await close();
