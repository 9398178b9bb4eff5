import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.ts';
import { childEnv, type TestDatabase } from '../../support/index.ts';
import { sample, scrape } from '../../support/prometheus-text.ts';
import type { HttpTestClient } from '../../http/support/http-test-client.ts';
import { exactlyOnceFindings } from './exactly-once.ts';
import { publishFastOpenRestaurant, runOpenRestaurantCases } from './open-restaurant-cases.ts';
import { PORTAL_KEY } from './quick-review.ts';
import { remoteClient } from './remote-client.ts';
import type { RoleSystem } from './role-system.ts';
import { until } from './until.ts';

/** What the scenario drives: `open-restaurant` cases, and `service-permit` cases beside them for the service workers. */
export interface ScaleOutLoad {
  openRestaurantCases: number;
  servicePermitCases: number;
  /** Cases driven at the same time. */
  concurrency: number;
  /** How long a working day of `open-restaurant` lasts, seconds. */
  secondsPerWorkingDay: number;
}

/**
 * Runs `load` through the API processes of `system` (on `database`) while its workers fire the
 * timers and run the service tasks, then checks every case ended as its fixture says, with each
 * task created and each decision recorded once, each fired timer, service invocation and notification handled once,
 * every worker having done part of the work, and `tongban check` clean. Returns what it measured.
 */
export async function runScaleOutScenario(system: RoleSystem, database: TestDatabase, load: ScaleOutLoad): Promise<string> {
  const clients = system.apiUrls.map(remoteClient);
  await publishFastOpenRestaurant(clients[0]!, load.secondsPerWorkingDay);
  await publishServicePermit(clients[0]!);

  const began = Date.now();
  const [played, permits] = await Promise.all([
    runOpenRestaurantCases({
      clients,
      sql: database.sql,
      cases: load.openRestaurantCases,
      concurrency: load.concurrency,
      // Its promised limit reminds the department, its statutory one escalates.
      waitForBreachAt: ['food-inspection'],
    }),
    runServicePermitCases(clients, database, load.servicePermitCases),
  ]);
  const seconds = (Date.now() - began) / 1000;

  const cases = await database.sql<{ id: string; status: string; result: string | null }[]>`select id, status, result from cases`;
  expect(cases).toHaveLength(load.openRestaurantCases + load.servicePermitCases);
  expect(cases.filter((c) => c.status !== 'completed')).toEqual([]);
  const results = new Map(cases.map((c) => [c.id, c.result]));
  const decisions = await database.sql<{ case_id: string; n: number }[]>`select case_id, count(*)::int as n from case_events where type = 'task.completed' group by case_id`;
  const decisionsOf = new Map(decisions.map((row) => [row.case_id, row.n]));
  const tasks = await database.sql<{ case_id: string; node_id: string; department_id: string }[]>`select case_id, node_id, department_id from tasks`;
  const tasksOf = new Map<string, string[]>();
  for (const task of tasks) tasksOf.set(task.case_id, [...(tasksOf.get(task.case_id) ?? []), `${task.node_id}@${task.department_id}`]);
  const mismatched = [...played].filter(([caseId, fixture]) => {
    const expected = fixture.expected.tasks.map((t) => `${t.nodeId}@${t.department}`).sort();
    const completions = fixture.script.filter((a) => a.action === 'complete').length;
    return results.get(caseId) !== fixture.expected.result || decisionsOf.get(caseId) !== completions || JSON.stringify((tasksOf.get(caseId) ?? []).sort()) !== JSON.stringify(expected);
  });
  expect(mismatched.map(([caseId, fixture]) => `${caseId} (${fixture.id})`)).toEqual([]);
  expect(permits.every((caseId) => results.get(caseId) === 'approved')).toBe(true);

  expect(await exactlyOnceFindings(database.sql)).toEqual([]);
  const [work] = await database.sql<{ fired: number; reminders: number; escalations: number; invocations: number }[]>`
    select (select count(*)::int from timers where status = 'fired') as fired,
           (select count(*)::int from notifications where kind = 'reminder') as reminders,
           (select count(*)::int from notifications where kind = 'escalation' and user_id is null) as escalations,
           (select count(*)::int from service_invocations) as invocations`;
  const reachedInspection = [...played.values()].filter((f) => f.script.some((a) => a.action === 'complete' && a.nodeId === 'food-inspection')).length;
  expect(work!.reminders).toBeGreaterThanOrEqual(reachedInspection);
  expect(work!.escalations).toBeGreaterThanOrEqual(reachedInspection);
  expect(work!.invocations).toBe(2 * load.servicePermitCases);

  // The work was shared: every worker fired timers or ran service outcomes as case steps.
  const steps = await Promise.all(system.workerHealthUrls.map(async (url) => sample(await scrape(url), 'tongban_case_step_duration_seconds_count', { kind: 'case', outcome: 'ok' })));
  expect(steps.every((n) => n > 0)).toBe(true);

  const check = await runCli(['check'], { env: childEnv({ DATABASE_URL: database.url }), timeoutMs: 60_000 });
  expect(check.stdout).toMatch(/checked: every snapshot agrees with its rows/);
  expect(check.code).toBe(0);

  const completions = [...played.values()].reduce((sum, f) => sum + f.script.length, 0);
  return (
    `${played.size} open-restaurant and ${permits.length} service-permit cases through ${system.apis.length} api and ${system.workers.length} worker processes in ${seconds.toFixed(1)} s ` +
    `(${(completions / seconds).toFixed(1)} decisions/s): ${work!.fired} timers fired, ${work!.reminders} reminders, ${work!.escalations} escalations, ` +
    `${work!.invocations} service invocations; case steps per worker: ${steps.join(', ')}`
  );
}

async function publishServicePermit(client: HttpTestClient): Promise<void> {
  const definition = JSON.parse(await readFile(new URL('../../execution/fixtures/service-permit.json', import.meta.url), 'utf8'));
  const published = await client.send('POST', '/api/v1/definitions', definition, { token: await client.login('designer') });
  if (published.status !== 201) throw new Error(`service-permit was not published: ${published.status} ${published.text}`);
}

/**
 * Files `count` `service-permit` cases (a licence check by service, a review, an e-licence by
 * service), completes each review once the service put the case there, and waits for their ends.
 */
async function runServicePermitCases(clients: readonly HttpTestClient[], database: TestDatabase, count: number): Promise<string[]> {
  const clerk = await clients[0]!.login('huangpu.market');
  const caseIds: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const filed = await clients[n % clients.length]!.send(
      'POST',
      '/api/v1/cases',
      { definitionKey: 'service-permit', jurisdiction: 'sh-huangpu-nanjing-east', applicant: { name: '吴九' }, data: { businessName: '城隍庙小笼', unifiedSocialCreditCode: '91350200MA2YJ1XR9G' } },
      { apiKey: PORTAL_KEY, headers: { 'Idempotency-Key': randomUUID() } },
    );
    if (filed.status !== 201) throw new Error(`service-permit case ${n} was not filed: ${filed.status} ${filed.text}`);
    caseIds.push(filed.body.id as string);
  }
  await Promise.all(
    caseIds.map(async (caseId, n) => {
      let taskId: string | undefined;
      await until(
        async () => {
          [{ id: taskId } = { id: undefined }] = await database.sql<{ id: string }[]>`select id from tasks where case_id = ${caseId} and node_id = 'review' and status = 'open'`;
          return taskId !== undefined;
        },
        90_000,
        `service-permit case ${caseId} never reached its review`,
        200,
      );
      const completed = await clients[(n + 1) % clients.length]!.send('POST', `/api/v1/tasks/${taskId}/complete`, { outcome: 'approve', data: {} }, { token: clerk });
      if (completed.status !== 200) throw new Error(`Completing the review of ${caseId} answered ${completed.status} ${completed.text}`);
    }),
  );
  await until(
    async () => (await database.sql`select 1 from cases where id in ${database.sql(caseIds)} and status = 'completed'`).length === caseIds.length,
    90_000,
    'Some service-permit cases never ended (their e-licence service did not run)',
    200,
  );
  return caseIds;
}
