import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let manager: string;
let admin: string;

interface Row {
  id: string;
  minutesLeft: number | null;
  suspended: boolean;
}

const inboxRow = async (taskId: string): Promise<Row | undefined> =>
  ((await client.send('GET', '/api/v1/tasks', undefined, { token: intake })).body.items as Row[]).find((row) => row.id === taskId);
const detailRow = async (caseId: string, taskId: string): Promise<Row | undefined> =>
  ((await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: manager })).body.tasks as Row[]).find((row) => row.id === taskId);
const advanceTo = async (to: string) => {
  const moved = await client.send('POST', '/api/v1/clock/advance', { to }, { token: admin });
  expect(moved.status, moved.text).toBe(200);
};

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('http-permit');
  intake = await client.login('huangpu.intake');
  manager = await client.login('huangpu.manager');
  admin = await client.login('admin');
});

afterAll(async () => {
  await harness.close();
});

describe('GET /tasks', () => {
  it('gives each row the working minutes its statutory limit has left, as the case detail does', async () => {
    // Filed Monday 09:00: one working day, counted from Tuesday, runs out Tuesday at 17:00.
    const caseId = (await fileCase(client, { apiKey: PORTAL_KEY })).body.id;
    const task = await openTaskAt(client, intake, caseId, 'intake');
    expect(await inboxRow(task.id)).toMatchObject({ minutesLeft: 840, suspended: false });
    expect((await detailRow(caseId, task.id))?.minutesLeft).toBe(840);

    await advanceTo('2026-03-04T10:30:00+08:00');
    expect(await inboxRow(task.id)).toMatchObject({ minutesLeft: -90, suspended: false });
    expect((await detailRow(caseId, task.id))?.minutesLeft).toBe(-90);
  });

  it('marks the rows of a suspended case and stops their clock', async () => {
    const caseId = (await fileCase(client, { apiKey: PORTAL_KEY })).body.id;
    const task = await openTaskAt(client, intake, caseId, 'intake');
    const asked = await client.send(
      'POST',
      `/api/v1/tasks/${task.id}/complete`,
      {
        outcome: 'requestSupplement',
        data: {},
        comment: '缺营业执照',
        supplementItems: [{ kind: 'document', document: '营业执照', note: '副本' }],
      },
      { token: intake },
    );
    expect(asked.status, asked.text).toBe(200);
    // Wednesday 10:30 to Thursday 17:00: 90 + 240 + 420 working minutes, kept while the case waits.
    expect(await inboxRow(task.id)).toMatchObject({ minutesLeft: 750, suspended: true });
    await advanceTo('2026-03-06T10:00:00+08:00');
    expect(await inboxRow(task.id)).toMatchObject({ minutesLeft: 750, suspended: true });
    expect(await detailRow(caseId, task.id)).toMatchObject({ minutesLeft: 750, suspended: true });
  });

  it('answers null for a closed task', async () => {
    const caseId = (await fileCase(client, { apiKey: PORTAL_KEY })).body.id;
    const task = await openTaskAt(client, intake, caseId, 'intake');
    await client.send('POST', `/api/v1/tasks/${task.id}/complete`, { outcome: 'approve', data: { receiptNo: 'R-1' } }, { token: intake });
    const closed = await client.send('GET', '/api/v1/tasks?status=completed', undefined, { token: intake });
    expect((closed.body.items as Row[]).find((row) => row.id === task.id)).toMatchObject({ minutesLeft: null, suspended: false });
  });
});

describe('GET /cases/{id}', () => {
  it('names the user behind each timeline entry, and no one for the portal or the system', async () => {
    const caseId = (await fileCase(client, { apiKey: PORTAL_KEY })).body.id;
    const task = await openTaskAt(client, intake, caseId, 'intake');
    expect((await client.send('POST', `/api/v1/tasks/${task.id}/claim`, undefined, { token: intake })).status).toBe(200);
    const timeline = (await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: manager })).body.timeline as {
      type: string;
      actorId: string | null;
      actorName: string | null;
    }[];
    expect(timeline.find((event) => event.type === 'task.claimed')).toMatchObject({ actorName: '黄浦区综合窗口受理员' });
    expect(timeline.find((event) => event.type === 'case.created')).toMatchObject({ actorId: null, actorName: null });
  });
});
