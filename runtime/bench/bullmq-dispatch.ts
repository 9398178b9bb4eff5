/**
 * BullMQ and Tongban's dispatch (`tsx bench/bullmq-dispatch.ts --jobs N --steps S --runs R`), on
 * one local Redis:
 *
 * - BullMQ alone: N jobs added one `queue.add` at a time by 8 producers at once (adds/s), then
 *   processed by a worker with concurrency 8 and an empty processor (jobs/s).
 * - Tongban's dispatch per step: the outbox rows one real intake completion writes (its timers
 *   cancelled, the next task's armed) are copied S times with fresh timer ids, and each step's rows
 *   are sent through the runtime's `OutboxDispatcher.dispatch` (bulk add of the schedules, one remove
 *   per cancelled timer, then the rows marked dispatched in PostgreSQL): µs per step, beside the
 *   same jobs added one `queue.add` at a time (the bare BullMQ cost of the step's jobs).
 *
 * Printed and handed to the suite; not asserted.
 */
import { performance } from 'node:perf_hooks';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { FigureSink } from '@tongban/bench';
import { systemClock } from '../src/clock/index.ts';
import { createDb } from '../src/db/client.ts';
import type { OutboxRow } from '../src/db/schema/index.ts';
import { OutboxDispatcher } from '../src/outbox/outbox-dispatcher.ts';
import { createRedisConnection, redisReady } from '../src/queues/redis-connection.ts';
import { SERVICE_QUEUE_NAME, ServiceQueue, type ServiceJobData } from '../src/queues/service-queue.ts';
import { TIMER_QUEUE_NAME, TimerQueue, type TimerJobData } from '../src/queues/timer-queue.ts';
import { DEFAULT_WEBHOOK_ATTEMPTS, DEFAULT_WEBHOOK_BACKOFF_MS, WEBHOOK_QUEUE_NAME, WebhookQueue, type WebhookJobData } from '../src/queues/webhook-queue.ts';
import { createRuntime } from '../src/runtime.ts';
import { argument, withBenchServices } from './bench-system.ts';
import { viewerOf } from './bench-viewer.ts';
import { fileTemplateCase, intakeCompletion } from './template-case.ts';

const JOBS = argument('jobs', 20_000);
const STEPS = argument('steps', 2_000);
const RUNS = argument('runs', 5);
const PRODUCERS = 8;
const sink = new FigureSink();

await withBenchServices(new Date(), async (services) => {
  const handle = createDb(services.databaseUrl, { max: 8 });
  const producer = createRedisConnection(services.redisUrl, 'producer');
  const workerConnection = createRedisConnection(services.redisUrl, 'worker');
  try {
    await redisReady(producer);
    // What one step writes: the outbox rows of a real intake completion.
    const runtime = await createRuntime({ db: handle.db, redisUrl: services.redisUrl, clock: systemClock });
    let stepRows: { topic: string; payload: Record<string, unknown> }[];
    try {
      const template = await fileTemplateCase(runtime);
      const [{ last } = { last: 0 }] = await handle.sql<{ last: number }[]>`select coalesce(max(id), 0)::int as last from outbox`;
      await runtime.completeTask(template.intakeTaskId, await viewerOf(handle.db, 'huangpu.intake'), intakeCompletion());
      stepRows = (await handle.sql<{ topic: string; payload: string }[]>`select topic, payload::text as payload from outbox where id > ${last} order by id`).map((r) => ({
        topic: r.topic,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
      }));
    } finally {
      await runtime.stop();
    }
    const topics = stepRows.map((r) => r.topic);
    console.log(`One intake completion writes ${stepRows.length} outbox rows: ${topics.join(', ')}`);

    const adds: number[] = [];
    const processed: number[] = [];
    const dispatchPerStep: number[] = [];
    const barePerStep: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const queue = new Queue(`bench-${run}`, { connection: producer, prefix: 'bench' });
      let next = 0;
      let started = performance.now();
      await Promise.all(
        Array.from({ length: PRODUCERS }, async () => {
          for (let n = next++; n < JOBS; n = next++) await queue.add('job', { n }, { removeOnComplete: true });
        }),
      );
      adds.push(JOBS / ((performance.now() - started) / 1000));
      let done = 0;
      started = performance.now();
      const finished = new Promise<void>((resolve) => {
        const worker = new Worker(`bench-${run}`, async () => undefined, { connection: workerConnection, prefix: 'bench', concurrency: 8 });
        worker.on('completed', () => {
          done += 1;
          if (done === JOBS) void worker.close().then(() => resolve());
        });
      });
      await finished;
      processed.push(JOBS / ((performance.now() - started) / 1000));
      await queue.obliterate({ force: true });
      await queue.close();

      const timerQueue = new Queue<TimerJobData>(TIMER_QUEUE_NAME, { connection: producer, prefix: `dispatch${run}` });
      const eventsConnection = createRedisConnection(services.redisUrl, 'worker');
      const events = new QueueEvents(TIMER_QUEUE_NAME, { connection: eventsConnection, prefix: `dispatch${run}` });
      const serviceQueue = new Queue<ServiceJobData>(SERVICE_QUEUE_NAME, { connection: producer, prefix: `dispatch${run}` });
      const webhookQueue = new Queue<WebhookJobData>(WEBHOOK_QUEUE_NAME, { connection: producer, prefix: `dispatch${run}` });
      const webhooks = new WebhookQueue(webhookQueue, { attempts: DEFAULT_WEBHOOK_ATTEMPTS, backoffMs: DEFAULT_WEBHOOK_BACKOFF_MS });
      const dispatcher = new OutboxDispatcher({ db: handle.db, clock: systemClock, timers: new TimerQueue(timerQueue, events), services: new ServiceQueue(serviceQueue), webhooks });
      const due = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString();
      let dispatchMs = 0;
      for (let s = 0; s < STEPS; s += 1) {
        const rows = stepRows.map((r) => ({ topic: r.topic, payload: JSON.stringify({ ...r.payload, ...('timerId' in r.payload ? { timerId: `r${run}s${s}-${String(r.payload.timerId)}` } : {}), ...('dueAt' in r.payload ? { dueAt: due } : {}) }) }));
        const written = await handle.sql<OutboxRow[]>`
          insert into outbox (topic, payload, created_at)
          select topic, payload::jsonb, now() from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(topic text, payload text)
          returning id, topic, payload, created_at as "createdAt", dispatched_at as "dispatchedAt"`;
        const begun = performance.now();
        await dispatcher.dispatch(written.map((w) => ({ ...w, payload: typeof w.payload === 'string' ? JSON.parse(w.payload) : w.payload })));
        dispatchMs += performance.now() - begun;
      }
      dispatchPerStep.push((dispatchMs * 1000) / STEPS);
      const schedules = stepRows.filter((r) => r.topic === 'timer.schedule').length;
      const removals = stepRows.length - schedules;
      const bareStarted = performance.now();
      for (let s = 0; s < STEPS; s += 1) {
        for (let j = 0; j < schedules; j += 1) await timerQueue.add('fire', { timerId: `bare${run}-${s}-${j}` }, { jobId: `bare${run}-${s}-${j}`, delay: 3_600_000, removeOnComplete: true });
        for (let j = 0; j < removals; j += 1) await timerQueue.remove(`bare${run}-${s}-gone${j}`);
      }
      barePerStep.push(((performance.now() - bareStarted) * 1000) / STEPS);
      await timerQueue.obliterate({ force: true });
      await Promise.all([timerQueue.close(), serviceQueue.close(), webhookQueue.close(), events.close()]);
      eventsConnection.disconnect();
      console.log(`run ${run + 1}: BullMQ ${adds.at(-1)?.toFixed(0)} adds/s, ${processed.at(-1)?.toFixed(0)} processed/s; dispatch ${dispatchPerStep.at(-1)?.toFixed(0)} µs/step vs bare ${barePerStep.at(-1)?.toFixed(0)} µs/step`);
    }
    sink.add({ name: `BullMQ queue.add, ${PRODUCERS} producers`, unit: 'jobs/s', better: 'higher', samples: adds, note: `${JOBS} jobs per run, one add call each` });
    sink.add({ name: 'BullMQ processed, worker concurrency 8, empty processor', unit: 'jobs/s', better: 'higher', samples: processed });
    sink.add({
      name: 'outbox dispatch per step (intake completion)',
      unit: 'µs/step',
      better: 'lower',
      samples: dispatchPerStep,
      reference: { name: 'the same jobs by bare queue.add/remove', unit: 'µs/step', samples: barePerStep },
      note: `${stepRows.length} outbox rows per step (${topics.join(', ')}); dispatch = bulk add, removes, UPDATE outbox … dispatched_at; ${STEPS} steps per run, one at a time`,
    });
    sink.detail('outbox rows of one intake completion', topics);
  } finally {
    producer.disconnect();
    workerConnection.disconnect();
    await handle.close();
  }
});
