import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt, permitApplication } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';
import { rowCounts } from './support/row-counts.ts';

/** A second citizen portal, with a key of its own. */
const OTHER_PORTAL_KEY = 'other-portal-test-key';

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let market: string;

const application = permitApplication({ data: { shopName: '南京东路小吃店', address: '南京东路 1' } });
const ITEMS = [
  { kind: 'field', field: 'address', note: '须写明门牌号' },
  { kind: 'document', document: '平面布局图', note: '经营场所平面布局图' },
];

beforeAll(async () => {
  harness = await startHttp({ app: { intakeApiKeys: [PORTAL_KEY, OTHER_PORTAL_KEY] } });
  client = harness.client;
  await harness.publish('http-permit');
  intake = await client.login('huangpu.intake');
  market = await client.login('huangpu.market');
});

afterAll(async () => {
  await harness.close();
});

async function filedCase(): Promise<{ caseId: string; taskId: string }> {
  const filed = await fileCase(client, { apiKey: PORTAL_KEY }, application);
  expect(filed.status, filed.text).toBe(201);
  const caseId = filed.body.id as string;
  return { caseId, taskId: (await openTaskAt(client, intake, caseId, 'intake')).id };
}

const ask = (taskId: string, body: Record<string, unknown>) =>
  client.send('POST', `/api/v1/tasks/${taskId}/complete`, { outcome: 'requestSupplement', data: {}, ...body }, { token: intake });

const supply = (caseId: string, body: Record<string, unknown>, options: { apiKey?: string; token?: string } = { apiKey: PORTAL_KEY }) =>
  client.send('POST', `/api/v1/cases/${caseId}/supplement`, body, options);

async function suspended(): Promise<{ caseId: string; taskId: string }> {
  const filed = await filedCase();
  const asked = await ask(filed.taskId, { supplementItems: ITEMS });
  expect(asked.status, asked.text).toBe(200);
  return filed;
}

describe('a 补正 request (行政许可法 art. 32: everything missing, told once)', () => {
  it('is refused without items, or with an item naming a field the application does not have, and stores nothing', async () => {
    const { caseId, taskId } = await filedCase();
    const before = await rowCounts(harness.database.sql);
    const none = await ask(taskId, {});
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'supplement-items-required', details: { field: 'supplementItems' } });
    const empty = await ask(taskId, { supplementItems: [] });
    expect(empty.body.error.code).toBe('supplement-items-required');
    const unknown = await ask(taskId, { supplementItems: [{ kind: 'field', field: 'adress', note: '门牌号' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'supplement-item-invalid', details: { field: 'supplementItems[0].field', reason: 'unknown-field' } });
    const noNote = await ask(taskId, { supplementItems: [{ kind: 'document', document: '平面图', note: '' }] });
    expect(noNote.status).toBe(400);
    expect(await rowCounts(harness.database.sql)).toEqual(before);
    expect((await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: intake })).body.case.status).toBe('active');
  });

  it('is not read into another outcome: supplementItems sent with an approval are refused naming the field, and the task stays open', async () => {
    const { caseId, taskId } = await filedCase();
    const before = await rowCounts(harness.database.sql);
    const approve = { outcome: 'approve', data: { receiptNo: 'R-7' } };
    for (const supplementItems of [ITEMS, []]) {
      const refused = await client.send('POST', `/api/v1/tasks/${taskId}/complete`, { ...approve, supplementItems }, { token: intake });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid-task-input', details: { field: 'supplementItems', reason: 'not-a-supplement' } });
    }
    expect(await rowCounts(harness.database.sql)).toEqual(before);
    expect((await openTaskAt(client, intake, caseId, 'intake')).id).toBe(taskId);
    expect((await client.send('POST', `/api/v1/tasks/${taskId}/complete`, approve, { token: intake })).status).toBe(200);
  });

  it('suspends the case, keeps the items on the task and shows them in the timeline', async () => {
    const { caseId, taskId } = await suspended();
    const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: intake });
    expect(detail.body.case.status).toBe('suspended');
    const task = (detail.body.tasks as { id: string; supplementRequest: unknown }[]).find((t) => t.id === taskId);
    expect(task?.supplementRequest).toMatchObject({ items: ITEMS, requestedAt: expect.any(String) });
    const requested = (detail.body.timeline as { type: string; payload: { items?: unknown } }[]).find((e) => e.type === 'supplement.requested');
    expect(requested?.payload.items).toEqual(ITEMS);
  });

  it('may be made once per task activation: a second one, after the answer, is 409 supplement-already-requested', async () => {
    const { caseId, taskId } = await suspended();
    expect((await supply(caseId, { data: { address: '南京东路 1 号' }, documents: ['平面布局图'] })).status).toBe(200);
    const before = await rowCounts(harness.database.sql);
    const again = await ask(taskId, { supplementItems: [{ kind: 'document', document: '卫生许可', note: '再补' }] });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'supplement-already-requested', details: { taskId } });
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });
});

describe('the applicant’s supplement', () => {
  it('is checked against the items and the application, naming the field, and stores nothing when refused', async () => {
    const { caseId } = await suspended();
    const before = await rowCounts(harness.database.sql);
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ data: {} }, 'supplement-empty', 'data'],
      [{ data: { adress: '南京东路 1 号' }, documents: ['平面布局图'] }, 'supplement-unknown-field', 'data.adress'],
      [{ data: { shopName: '别的店', address: '南京东路 1 号' }, documents: ['平面布局图'] }, 'supplement-field-not-requested', 'data.shopName'],
      [{ data: {}, documents: ['平面布局图'] }, 'supplement-incomplete', 'data.address'],
      [{ data: { address: '南京东路 1 号' } }, 'supplement-incomplete', 'documents'],
    ];
    for (const [body, code, field] of refusals) {
      const response = await supply(caseId, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toMatchObject({ code, details: { field } });
    }
    expect(await rowCounts(harness.database.sql)).toEqual(before);
    const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: intake });
    expect(detail.body.case).toMatchObject({ status: 'suspended', data: application.data });
  });

  it('resumes the case through the portal, and the timeline shows the answer', async () => {
    const { caseId, taskId } = await suspended();
    const resumed = await supply(caseId, { data: { address: '南京东路 1 号' }, documents: ['平面布局图'] });
    expect(resumed.status, resumed.text).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'active', data: { address: '南京东路 1 号' } });
    const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: intake });
    const task = (detail.body.tasks as { id: string; supplementRequest: Record<string, unknown> }[]).find((t) => t.id === taskId);
    expect(task?.supplementRequest).toMatchObject({ channel: 'portal', answeredAt: expect.any(String), answeredBy: null });
    const answer = (detail.body.timeline as { type: string; payload: Record<string, unknown> }[]).find((e) => e.type === 'case.supplemented');
    expect(answer?.payload).toMatchObject({ fields: ['address'], documents: ['平面布局图'], items: ITEMS, channel: 'portal' });
  });

  it('is recorded by a service-hall clerk as received at the window, with who and when', async () => {
    const { caseId, taskId } = await suspended();
    const recorded = await supply(caseId, { data: { address: '南京东路 1 号' }, documents: ['平面布局图'] }, { token: intake });
    expect(recorded.status, recorded.text).toBe(200);
    const clerkId = (await client.send('GET', '/api/v1/me', undefined, { token: intake })).body.id;
    const detail = await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: intake });
    const task = (detail.body.tasks as { id: string; supplementRequest: Record<string, unknown> }[]).find((t) => t.id === taskId);
    expect(task?.supplementRequest).toMatchObject({ channel: 'window', answeredBy: clerkId, answeredAt: harness.clock.now().toISOString() });
    const answer = (detail.body.timeline as { type: string; actorId: string; actorName: string | null; payload: Record<string, unknown> }[]).find(
      (e) => e.type === 'case.supplemented',
    );
    expect(answer).toMatchObject({ actorId: clerkId, actorName: expect.any(String), payload: { channel: 'window' } });
  });

  it('is refused to a clerk of another department, and another portal key gets 404', async () => {
    const { caseId } = await suspended();
    const body = { data: { address: '南京东路 1 号' }, documents: ['平面布局图'] };
    expect((await supply(caseId, body, { token: market })).status).toBe(403);
    const other = await supply(caseId, body, { apiKey: OTHER_PORTAL_KEY });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('case-not-found');
  });
});

describe('case numbers', () => {
  it('give every case prefix, year of filing and sequence, distinct under concurrent filings', async () => {
    const filings = await Promise.all(Array.from({ length: 8 }, () => fileCase(client, { apiKey: PORTAL_KEY }, application)));
    const numbers = filings.map((f) => {
      expect(f.status, f.text).toBe(201);
      return f.body.caseNumber as string;
    });
    for (const number of numbers) expect(number).toMatch(/^SH-2026-\d{6}$/);
    expect(new Set(numbers).size).toBe(8);
    const sequences = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]!).toBe(7);
  });

  it('find a case in the inbox, ignoring case', async () => {
    const { caseId } = await filedCase();
    const number = (await client.send('GET', `/api/v1/cases/${caseId}`, undefined, { token: intake })).body.case.caseNumber as string;
    const found = await client.send('GET', `/api/v1/tasks?caseNumber=${number.toLowerCase()}`, undefined, { token: intake });
    expect(found.status, found.text).toBe(200);
    expect(found.body.items.map((t: { caseId: string; case: { caseNumber: string } }) => [t.caseId, t.case.caseNumber])).toEqual([[caseId, number]]);
  });
});

describe('GET /intake/cases/{id}: the applicant’s view through the API key', () => {
  it('shows status, current steps, what the 补正 asks for and due dates, and nothing internal', async () => {
    const { caseId } = await suspended();
    const view = await client.send('GET', `/api/v1/intake/cases/${caseId}`, undefined, { apiKey: PORTAL_KEY });
    expect(view.status, view.text).toBe(200);
    expect(view.body).toMatchObject({
      id: caseId,
      caseNumber: expect.stringMatching(/^SH-2026-\d{6}$/),
      status: 'suspended',
      suspension: { reason: 'supplement' },
      acceptedAt: null,
      currentSteps: [{ name: expect.any(String), dueAt: expect.any(String) }],
      supplement: { items: ITEMS, answeredAt: null },
      result: null,
    });
    const text = JSON.stringify(view.body);
    for (const internal of ['idempotency', 'assigneeId', 'snapshot', 'createdBy', 'departmentId', 'huangpu']) expect(text).not.toContain(internal);
  });

  it('shows the answer and the result once the case ends', async () => {
    const { caseId, taskId } = await suspended();
    await supply(caseId, { data: { address: '南京东路 1 号' }, documents: ['平面布局图'] });
    expect((await client.send('POST', `/api/v1/tasks/${taskId}/claim`, undefined, { token: intake })).status).toBe(200);
    expect((await client.send('POST', `/api/v1/tasks/${taskId}/complete`, { outcome: 'approve', data: { receiptNo: 'R-9' } }, { token: intake })).status).toBe(200);
    const review = await openTaskAt(client, market, caseId, 'review');
    expect((await client.send('POST', `/api/v1/tasks/${review.id}/claim`, undefined, { token: market })).status).toBe(200);
    expect((await client.send('POST', `/api/v1/tasks/${review.id}/complete`, { outcome: 'approve', data: {} }, { token: market })).status).toBe(200);
    const view = await client.send('GET', `/api/v1/intake/cases/${caseId}`, undefined, { apiKey: PORTAL_KEY });
    expect(view.body).toMatchObject({ status: 'completed', currentSteps: [], supplement: { answeredAt: expect.any(String) }, acceptedAt: expect.any(String) });
    expect(view.body.result).not.toBeNull();
  });

  it('answers 404 to another portal key, as for a case that does not exist', async () => {
    const { caseId } = await filedCase();
    const other = await client.send('GET', `/api/v1/intake/cases/${caseId}`, undefined, { apiKey: OTHER_PORTAL_KEY });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('case-not-found');
  });
});
