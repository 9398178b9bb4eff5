import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { getWorkflow, workflowFixtures, type WorkflowFixture } from '@tongban/workflows';
import type { WorkflowDefinitionInput } from '@tongban/engine';
import type { HttpTestClient } from '../../http/support/http-test-client.ts';
import { itemsAnsweredAfter, supplementOf } from '../../support/fixture-supplements.ts';
import { PORTAL_KEY } from './quick-review.ts';
import { until } from './until.ts';

/** The fixtures of the shipped `open-restaurant` workflow, each one application and its clerks' decisions. */
export const openRestaurantFixtures: readonly WorkflowFixture[] = workflowFixtures.filter((f) => f.workflow === 'open-restaurant');

/**
 * `definition` with every limit counted in working days (task limits, the acceptance deadline,
 * the case's promise, extension caps) turned into elapsed time of `secondsPerWorkingDay` seconds a
 * day, so that its timers come due while a test watches.
 */
export function withWorkingDaysAsSeconds(definition: WorkflowDefinitionInput, secondsPerWorkingDay: number): WorkflowDefinitionInput {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (record.unit === 'workingDay' && typeof record.amount === 'number') {
      return { ...record, amount: (record.amount * secondsPerWorkingDay) / 3600, unit: 'hour' };
    }
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, convert(inner)]));
  };
  return convert(definition) as WorkflowDefinitionInput;
}

/** Publishes the shipped `open-restaurant` with working days of `secondsPerWorkingDay` seconds as its latest version. */
export async function publishFastOpenRestaurant(client: HttpTestClient, secondsPerWorkingDay: number): Promise<void> {
  const designer = await client.login('designer');
  const definition = withWorkingDaysAsSeconds(getWorkflow('open-restaurant'), secondsPerWorkingDay);
  const published = await client.send('POST', '/api/v1/definitions', definition, { token: designer });
  if (published.status !== 201) throw new Error(`open-restaurant was not published: ${published.status} ${published.text}`);
}

/** Options of {@link runOpenRestaurantCases}. */
export interface OpenRestaurantRun {
  /** One client per API process: filings and completions go round them. */
  clients: readonly HttpTestClient[];
  /** The database the processes share, to find open tasks and their clerks. */
  sql: postgres.Sql;
  cases: number;
  /** Cases driven at the same time. */
  concurrency: number;
  /**
   * Nodes whose task is completed only once its statutory-limit timer fired, so that its SLA edges
   * (reminder, escalation) act on every case that reaches it.
   */
  waitForBreachAt: readonly string[];
}

/**
 * Files `cases` cases of `open-restaurant`, going round the fixtures, and plays each fixture's
 * decisions to its end, spreading the requests over the API processes (a case filed through one
 * is completed through the others). Each task is completed by a demo clerk of the department it
 * was routed to. Resolves with the fixture of each case, by case id.
 */
export async function runOpenRestaurantCases(run: OpenRestaurantRun): Promise<Map<string, WorkflowFixture>> {
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (username: string) => {
    if (!tokens.has(username)) tokens.set(username, run.clients[0]!.login(username));
    return tokens.get(username)!;
  };
  const clerks = new Map<string, Promise<string>>();
  const clerkOf = (departmentId: string, role: string) => {
    const key = `${departmentId}/${role}`;
    if (!clerks.has(key)) {
      clerks.set(
        key,
        run.sql<{ username: string }[]>`select username from users where department_id = ${departmentId} and ${role} = any(roles) order by username limit 1`.then(([row]) => {
          if (!row) throw new Error(`No demo user of department '${departmentId}' holds role '${role}'`);
          return row.username;
        }),
      );
    }
    return clerks.get(key)!;
  };
  const client = (n: number) => run.clients[n % run.clients.length]!;

  const playCase = async (n: number): Promise<[string, WorkflowFixture]> => {
    const fixture = openRestaurantFixtures[n % openRestaurantFixtures.length]!;
    const filed = await client(n).send(
      'POST',
      '/api/v1/cases',
      { definitionKey: 'open-restaurant', jurisdiction: fixture.jurisdiction, applicant: fixture.applicant, data: fixture.data },
      { apiKey: PORTAL_KEY, headers: { 'Idempotency-Key': randomUUID() } },
    );
    if (filed.status !== 201) throw new Error(`Case ${n} (${fixture.id}) was not filed: ${filed.status} ${filed.text}`);
    const caseId = filed.body.id as string;
    for (const [step, action] of fixture.script.entries()) {
      const through = client(n + step + 1);
      if (action.action === 'supplement') {
        const supplied = await through.send('POST', `/api/v1/cases/${caseId}/supplement`, supplementOf(action.data), { apiKey: PORTAL_KEY });
        if (supplied.status !== 200) throw new Error(`Case ${caseId} (${fixture.id}): the supplement answered ${supplied.status} ${supplied.text}`);
        continue;
      }
      if (action.action !== 'complete') throw new Error(`Fixture '${fixture.id}' scripts '${action.action}', which this run does not play`);
      const [task] = await run.sql<{ id: string; department_id: string; candidate_role: string }[]>`
        select id, department_id, candidate_role from tasks where case_id = ${caseId} and node_id = ${action.nodeId} and status in ('open', 'claimed')`;
      if (!task) throw new Error(`Case ${caseId} (${fixture.id}) has no open task at '${action.nodeId}'`);
      if (run.waitForBreachAt.includes(action.nodeId)) {
        await until(
          async () => (await run.sql`select 1 from timers where task_id = ${task.id} and kind = 'taskBreach' and status = 'fired'`).length === 1,
          60_000,
          `The statutory limit of task ${task.id} (${action.nodeId}) of case ${caseId} never fired`,
          100,
        );
      }
      const token = await tokenOf(await clerkOf(task.department_id, task.candidate_role));
      const body = {
        outcome: action.outcome,
        data: action.data ?? {},
        ...(action.outcome === 'requestSupplement' ? { supplementItems: itemsAnsweredAfter(fixture, step) } : {}),
        ...(action.returnTo === undefined ? {} : { returnTo: action.returnTo }),
        ...(action.comment === undefined ? {} : { comment: action.comment }),
      };
      const completed = await through.send('POST', `/api/v1/tasks/${task.id}/complete`, body, { token });
      if (completed.status !== 200) throw new Error(`Case ${caseId} (${fixture.id}): completing '${action.nodeId}' answered ${completed.status} ${completed.text}`);
    }
    return [caseId, fixture];
  };

  const played = new Map<string, WorkflowFixture>();
  let next = 0;
  const lane = async () => {
    while (next < run.cases) {
      const [caseId, fixture] = await playCase(next++);
      played.set(caseId, fixture);
    }
  };
  await Promise.all(Array.from({ length: Math.min(run.concurrency, run.cases) }, lane));
  return played;
}
