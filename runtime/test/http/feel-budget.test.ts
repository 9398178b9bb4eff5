import { compile, parseDefinition } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowDefinitions } from '../../src/db/schema/index.ts';
import { fileCase, openTaskAt, permitApplication } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient, TestResponse } from './support/http-test-client.ts';

/** Builds a list as long as its range: 1e8 numbers, gigabytes. */
const FOR_BOMB = 'if bomb = "for" then count(for i in 1..100000000 return i) > 0 else false';
/** Doubles a list in each context entry, without a loop: 8 × 2^30 items. */
const CONCATENATE_BOMB = `if bomb = "concatenate" then count({ l0: [1, 2, 3, 4, 5, 6, 7, 8], ${Array.from(
  { length: 30 },
  (_, i) => `l${i + 1}: concatenate(l${i}, l${i})`,
).join(', ')} }.l30) > 0 else false`;

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let manager: string;

/**
 * Stores `feel-bombs` as a version published before validation refused unbounded FEEL would be: its
 * gateway conditions are placeholders when it is compiled, replaced by the bombs in the stored
 * definition and machine (validation, which now refuses them, never sees them).
 */
async function storeBombs(): Promise<void> {
  const { definition } = parseDefinition(await harness.fixture('feel-bombs'));
  if (definition === undefined) throw new Error('the feel-bombs fixture parses');
  const armed = (json: unknown) =>
    JSON.parse(JSON.stringify(json).replaceAll('FOR_BOMB', JSON.stringify(FOR_BOMB).slice(1, -1)).replaceAll('CONCATENATE_BOMB', JSON.stringify(CONCATENATE_BOMB).slice(1, -1)));
  await harness.database.db.insert(workflowDefinitions).values({
    key: definition.key,
    version: 1,
    name: definition.name,
    definition: armed(definition),
    machine: armed(compile(definition).machine),
    publishedAt: new Date(),
    publishedBy: null,
  });
}

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  intake = await client.login('huangpu.intake');
  manager = await client.login('huangpu.manager');
  await storeBombs();
  const designer = await client.login('designer');
  const published = await client.send('POST', '/api/v1/definitions', await harness.fixture('catastrophic-pattern'), { token: designer });
  expect(published.status, published.text).toBe(201);
}, 120_000);

afterAll(async () => {
  await harness.close();
});

const file = (bomb: string) => fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey: 'feel-bombs', data: { shopName: '小店', bomb } }));
const complete = (taskId: string, data: Record<string, unknown> = {}) =>
  client.send('POST', `/api/v1/tasks/${taskId}/complete`, { outcome: 'approve', data: { receiptNo: 'R-1', ...data } }, { token: intake });

async function intakeTaskOf(filed: TestResponse): Promise<{ caseId: string; taskId: string }> {
  expect(filed.status, filed.text).toBe(201);
  return { caseId: filed.body.id, taskId: (await openTaskAt(client, intake, filed.body.id, 'intake')).id };
}

describe('an unbounded FEEL expression in a definition published before the limits', () => {
  it('ends the step of its case with a 409 and an incident, while the other completions and a catastrophic pattern filed with them are answered', async () => {
    const bad = await Promise.all([file('for'), file('concatenate')].map(async (filed) => intakeTaskOf(await filed)));
    const ordinary = await Promise.all(Array.from({ length: 4 }, async () => intakeTaskOf(await file('none'))));
    const hostile = fileCase(
      client,
      { apiKey: PORTAL_KEY },
      permitApplication({ definitionKey: 'catastrophic-pattern', data: { shopName: '小店', code: `${'a'.repeat(40)}!` } }),
    );
    const [forBomb, concatenateBomb, pattern, ...others] = await Promise.all([
      complete(bad[0]!.taskId),
      complete(bad[1]!.taskId),
      hostile,
      ...ordinary.map(({ taskId }) => complete(taskId)),
      client.send('GET', '/api/v1/tasks?limit=200', undefined, { token: intake }),
    ]);
    for (const answered of others) expect(answered.status, answered.text.slice(0, 300)).toBe(200);
    expect(pattern.status, pattern.text.slice(0, 300)).toBe(400);
    expect(forBomb.status, forBomb.text).toBe(409);
    expect(forBomb.body.error).toMatchObject({ code: 'feel-budget-exceeded', details: { caseId: bad[0]!.caseId, nodeId: 'route', edgeId: 'e-for' } });
    expect(forBomb.body.error.message).toContain("edge 'e-for'");
    expect(concatenateBomb.status, concatenateBomb.text).toBe(409);
    expect(concatenateBomb.body.error).toMatchObject({ code: 'feel-budget-exceeded', details: { edgeId: 'e-concatenate' } });

    for (const { caseId } of ordinary) await openTaskAt(client, intake, caseId, 'review');
    for (const { caseId } of bad) await openTaskAt(client, intake, caseId, 'intake');

    const listed = await client.send('GET', '/api/v1/incidents?kind=feel&status=open', undefined, { token: manager });
    expect(listed.status, listed.text).toBe(200);
    expect(
      listed.body.items.map((incident: Record<string, unknown>) => [incident.caseId, incident.kind, incident.nodeId, incident.edgeId, incident.attempts]).sort(),
    ).toEqual(
      [
        [bad[0]!.caseId, 'feel', 'route', 'e-for', 1],
        [bad[1]!.caseId, 'feel', 'route', 'e-concatenate', 1],
      ].sort(),
    );
    const health = await client.send('GET', '/api/v1/clock', undefined, { token: intake });
    expect(health.status).toBe(200);
  });

  it('counts a second stopped step on the same incident, refuses its retry, and resolves it when the step is sent with other data', async () => {
    const { caseId, taskId } = await intakeTaskOf(await file('for'));
    expect((await complete(taskId)).status).toBe(409);
    expect((await complete(taskId)).status).toBe(409);
    const [incident] = (await client.send('GET', `/api/v1/incidents?kind=feel&caseId=${caseId}`, undefined, { token: manager })).body.items;
    expect(incident).toMatchObject({ status: 'open', attempts: 2, edgeId: 'e-for', expression: FOR_BOMB, invocationId: null });

    const retried = await client.send('POST', `/api/v1/incidents/${incident.id}/retry`, undefined, { token: manager });
    expect(retried.status, retried.text).toBe(409);
    expect(retried.body.error.code).toBe('incident-not-retryable');

    const completed = await complete(taskId, { bomb: 'none' });
    expect(completed.status, completed.text).toBe(200);
    const [resolved] = (await client.send('GET', `/api/v1/incidents?kind=feel&caseId=${caseId}`, undefined, { token: manager })).body.items;
    expect(resolved).toMatchObject({ id: incident.id, status: 'resolved' });
    await openTaskAt(client, intake, caseId, 'review');
  });
});
