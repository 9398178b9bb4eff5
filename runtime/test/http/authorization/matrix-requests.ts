import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { notifications, users } from '../../../src/db/schema/index.ts';
import { eventually } from '../../execution/support/execution-harness.ts';
import { fileCase, openTaskAt, permitApplication, publishPermitWorkflows } from '../support/case-helpers.ts';
import { PORTAL_KEY, type HttpHarness } from '../support/http-harness.ts';

/** What a row's request needs besides the caller's credentials. */
export interface MatrixContext {
  harness: HttpHarness;
  /** A bearer token of demo user `username`, signed in once. */
  token(username: string): Promise<string>;
  /** The fixture made by `make` the first time `key` is asked for, shared by the rows that only read it. */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/** A request of the matrix: what fills the path template, the query, the body and headers. */
export interface MatrixRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sign the caller in anew for this request (it ends its own session). */
  freshSession?: boolean;
}

const INTAKE = 'huangpu.intake';
const MARKET = 'huangpu.market';
const FIRE = 'huangpu.fire';
const SECOND_MARKET = 'huangpu.market2';

/**
 * Workflows the fixtures file cases of; `extension-permit` is `http-permit` whose review offers an
 * extension a manager approves; `countersign` ends in a panel of market regulation's clerks, to
 * which a second clerk of that department is added as a signer (加签).
 */
export async function publishMatrixWorkflows(harness: HttpHarness): Promise<void> {
  const countersign = JSON.parse(await readFile(new URL('../../execution/fixtures/countersign.json', import.meta.url), 'utf8'));
  await harness.runtime.publishDefinition(countersign, { publishedBy: null });
  await harness.database.db
    .insert(users)
    .values({ id: SECOND_MARKET, username: SECOND_MARKET, displayName: '黄浦区市场监管局审查员二', departmentId: 'sh-huangpu-market-regulation', roles: ['clerk'], passwordHash: '' });
  await publishPermitWorkflows(harness);
  await harness.publish('registry-call');
}

async function filed(context: MatrixContext, definitionKey = 'http-permit'): Promise<string> {
  const response = await fileCase(context.harness.client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey }));
  if (response.status !== 201) throw new Error(`Filing a ${definitionKey} case answered ${response.status}: ${response.text}`);
  return response.body.id as string;
}

async function completeAs(context: MatrixContext, username: string, taskId: string, body: unknown): Promise<void> {
  const response = await context.harness.client.send('POST', `/api/v1/tasks/${taskId}/complete`, body, { token: await context.token(username) });
  if (response.status !== 200) throw new Error(`Completing task '${taskId}' answered ${response.status}: ${response.text}`);
}

/** A case filed in 南京东路街道 whose intake was accepted: its open review task is market regulation's. */
async function atReview(context: MatrixContext, definitionKey = 'http-permit'): Promise<{ caseId: string; taskId: string }> {
  const caseId = await filed(context, definitionKey);
  const intake = await openTaskAt(context.harness.client, await context.token(INTAKE), caseId, 'intake');
  await completeAs(context, INTAKE, intake.id, { outcome: 'approve', data: { receiptNo: 'R-1' } });
  return { caseId, taskId: (await openTaskAt(context.harness.client, await context.token(MARKET), caseId, 'review')).id };
}

/** The review task of a fresh case, claimed by market regulation's clerk. */
async function claimedReview(context: MatrixContext): Promise<string> {
  const { taskId } = await atReview(context);
  await send(context, 'POST', `/api/v1/tasks/${taskId}/claim`, undefined, MARKET);
  return taskId;
}

/** A countersign case at its panel: its one instance is market regulation's clerk's (claimed). */
async function atPanel(context: MatrixContext): Promise<string> {
  const response = await fileCase(context.harness.client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey: 'countersign', data: { panelMembers: [MARKET] } }));
  if (response.status !== 201) throw new Error(`Filing a countersign case answered ${response.status}: ${response.text}`);
  const caseId = response.body.id as string;
  const intake = await openTaskAt(context.harness.client, await context.token(INTAKE), caseId, 'intake');
  await completeAs(context, INTAKE, intake.id, { outcome: 'approve', data: {} });
  for (const clerk of [FIRE, 'huangpu.health', 'huangpu.urban']) {
    const task = await openTaskAt(context.harness.client, await context.token(clerk), caseId, 'joint-review');
    await completeAs(context, clerk, task.id, { outcome: 'approve', data: {} });
  }
  return (await openTaskAt(context.harness.client, await context.token(MARKET), caseId, 'panel')).id;
}

async function send(context: MatrixContext, method: string, path: string, body: unknown, username: string): Promise<void> {
  const response = await context.harness.client.send(method, path, body, { token: await context.token(username) });
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${response.text}`);
}

/** A webhook of the portal's key (the key holds at most 10: the rows share two). */
async function subscribed(context: MatrixContext): Promise<string> {
  const response = await context.harness.client.send(
    'POST',
    '/api/v1/webhooks',
    { url: 'https://portal.example.gov.cn/hooks/tongban', secret: 'whsec-matrix-0123456789', events: ['case.completed'] },
    { apiKey: PORTAL_KEY },
  );
  if (response.status !== 201) throw new Error(`Subscribing a webhook answered ${response.status}: ${response.text}`);
  return response.body.id as string;
}

/**
 * The request of each row of the matrix, by name. Rows that change something get fixtures of their
 * own for every caller, so one caller's success never changes what the next one meets.
 */
export const MATRIX_REQUESTS: Record<string, (context: MatrixContext) => Promise<MatrixRequest>> = {
  plain: async () => ({}),
  login: async () => ({ body: { username: 'admin', password: 'tongban123' } }),
  logout: async () => ({ freshSession: true }),
  definition: async () => ({ params: { key: 'http-permit', version: '1' } }),
  validate: async (context) => ({ body: await context.harness.fixture('http-permit') }),
  publish: async (context) => {
    const [latest] = await context.harness.runtime.listDefinitionVersions('http-permit');
    return { body: { ...(await context.harness.fixture('http-permit')), baseVersion: latest?.version ?? null } };
  },
  definitionKey: async () => ({ params: { key: 'http-permit' } }),
  migration: async (context) => {
    const [source, target] = await context.once('two permit versions', async () => {
      const versions = await context.harness.runtime.listDefinitionVersions('http-permit');
      const latest = versions[0]?.version as number;
      if (versions.length > 1) return [latest - 1, latest];
      await context.harness.runtime.publishDefinition(await context.harness.fixture('http-permit'), { publishedBy: null, baseVersion: latest });
      return [latest, latest + 1];
    });
    return { params: { key: 'http-permit' }, body: { sourceVersion: source, targetVersion: target, mapping: {}, caseIds: [] } };
  },
  file: async () => ({ body: permitApplication(), headers: { 'Idempotency-Key': randomUUID() } }),
  readCase: async (context) => ({ params: { id: (await context.once('case at review', () => atReview(context))).caseId } }),
  supplement: async (context) => {
    const caseId = await filed(context);
    const intake = await openTaskAt(context.harness.client, await context.token(INTAKE), caseId, 'intake');
    await completeAs(context, INTAKE, intake.id, {
      outcome: 'requestSupplement',
      data: {},
      comment: '缺营业执照',
      supplementItems: [
        { kind: 'field', field: 'shopName', note: '店名须与营业执照一致' },
        { kind: 'document', document: '营业执照.pdf', note: '营业执照副本' },
      ],
    });
    return { params: { id: caseId }, body: { data: { shopName: '南京东路小吃店' }, documents: ['营业执照.pdf'] } };
  },
  withdraw: async (context) => ({ params: { id: (await atReview(context)).caseId }, body: { reason: '不再开店' } }),
  suspend: async (context) => ({ params: { id: (await atReview(context)).caseId }, body: { reason: 'expertReview' } }),
  resume: async (context) => {
    const { caseId } = await atReview(context);
    await send(context, 'POST', `/api/v1/cases/${caseId}/suspend`, { reason: 'expertReview' }, 'huangpu.manager');
    return { params: { id: caseId }, body: { data: { expertOpinion: '符合' } } };
  },
  claim: async (context) => ({ params: { id: (await atReview(context)).taskId } }),
  complete: async (context) => ({ params: { id: (await atReview(context)).taskId }, body: { outcome: 'approve', data: {} } }),
  requestExtension: async (context) => ({
    params: { id: (await atReview(context, 'extension-permit')).taskId },
    body: { amount: 2, reason: '需组织专家论证' },
  }),
  approveExtension: async (context) => {
    const { taskId } = await atReview(context, 'extension-permit');
    await send(context, 'POST', `/api/v1/tasks/${taskId}/extension`, { amount: 2, reason: '需组织专家论证' }, MARKET);
    return { params: { id: taskId } };
  },
  refuseExtension: async (context) => {
    const { taskId } = await atReview(context, 'extension-permit');
    await send(context, 'POST', `/api/v1/tasks/${taskId}/extension`, { amount: 2, reason: '需组织专家论证' }, MARKET);
    return { params: { id: taskId }, body: { reason: '理由不充分，请按期办结' } };
  },
  readTask: async (context) => ({ params: { id: (await context.once('case at review', () => atReview(context))).taskId } }),
  unclaim: async (context) => ({ params: { id: await claimedReview(context) }, body: { reason: '承办人病假' } }),
  withdrawTask: async (context) => {
    const taskId = await claimedReview(context);
    await completeAs(context, MARKET, taskId, { outcome: 'return', data: {}, reason: '材料不全，退回受理' });
    return { params: { id: taskId }, body: { reason: '退回有误' } };
  },
  transfer: async (context) => ({ params: { id: await claimedReview(context) }, body: { departmentId: 'sh-huangpu-fire-rescue', reason: '属消防审查事项' } }),
  delegate: async (context) => ({ params: { id: await claimedReview(context) }, body: { assigneeId: FIRE, reason: '请消防出具意见' } }),
  resolve: async (context) => {
    const taskId = await claimedReview(context);
    await send(context, 'POST', `/api/v1/tasks/${taskId}/delegate`, { assigneeId: FIRE, reason: '请消防出具意见' }, MARKET);
    return { params: { id: taskId }, body: { comment: '消防条件符合' } };
  },
  comment: async (context) => ({ params: { id: (await atReview(context)).taskId }, body: { text: '材料齐全' } }),
  copy: async (context) => ({ params: { id: (await atReview(context)).taskId }, body: { userIds: [FIRE], reason: '请知悉' } }),
  reassign: async (context) => ({ body: { taskIds: [await claimedReview(context)], departmentId: 'sh-huangpu-fire-rescue', reason: '承办人离岗' } }),
  readCopy: async (context) => {
    const { taskId } = await atReview(context);
    const response = await context.harness.client.send('POST', `/api/v1/tasks/${taskId}/copies`, { userIds: [FIRE] }, { token: await context.token(MARKET) });
    if (response.status !== 201) throw new Error(`Copying answered ${response.status}: ${response.text}`);
    return { params: { id: String(response.body.items[0].id) } };
  },
  urge: async (context) => ({ params: { id: (await atReview(context)).caseId }, body: { message: '申请人来电催问' } }),
  addSigners: async (context) => ({ params: { id: await atPanel(context) }, body: { signers: [SECOND_MARKET], reason: '需二次审查' } }),
  removeSigner: async (context) => {
    const taskId = await atPanel(context);
    const response = await context.harness.client.send('POST', `/api/v1/tasks/${taskId}/signers`, { signers: [SECOND_MARKET], reason: '需二次审查' }, { token: await context.token(MARKET) });
    if (response.status !== 200) throw new Error(`Adding a signer answered ${response.status}: ${response.text}`);
    return { params: { id: response.body.createdTasks[0].id as string }, body: { reason: '已无必要' } };
  },
  returnPreview: async (context) => ({ params: { id: await context.once('claimed review', () => claimedReview(context)) } }),
  readNotification: async (context) => {
    const [row] = await context.harness.database.db
      .insert(notifications)
      .values({ kind: 'urge', userId: MARKET, departmentId: 'sh-huangpu-market-regulation', message: '请尽快办理', payload: {}, createdAt: new Date() })
      .returning({ id: notifications.id });
    return { params: { id: String(row?.id) } };
  },
  subscribeWebhook: async () => ({ body: { url: 'https://portal.example.gov.cn/hooks/tongban', secret: 'whsec-matrix-0123456789', events: ['case.accepted'] } }),
  webhook: async (context) => ({ params: { id: await context.once('webhook', () => subscribed(context)) } }),
  webhookToDelete: async (context) => ({ params: { id: await context.once('webhook to delete', () => subscribed(context)) } }),
  heat: async () => ({ query: 'definitionKey=http-permit&version=1' }),
  forecast: async () => ({ body: { horizonDays: 3, runs: 5, seed: 1 } }),
  retryIncident: async (context) => {
    const caseId = await filed(context, 'registry-call');
    const manager = await context.token('huangpu.manager');
    const incidentId = await eventually(async () => {
      const page = await context.harness.client.send('GET', `/api/v1/incidents?caseId=${caseId}&status=open`, undefined, { token: manager });
      return page.body.items[0]?.id as string | undefined;
    }, 15_000);
    return { params: { id: incidentId } };
  },
  advanceClock: async () => ({ body: { by: { amount: 1, unit: 'hour' } } }),
  readCalendar: async () => ({ params: { key: 'cn-mainland' } }),
  putCalendar: async () => ({
    params: { key: `matrix-${randomUUID().slice(0, 8)}` },
    body: { name: '矩阵测试日历', base: 'cn-mainland', adjustments: [{ date: '2026-10-09', working: false, reason: '测试' }] },
  }),
  putNotice: async () => ({
    params: { key: 'cn-mainland', year: '2027' },
    body: JSON.parse(await readFile(new URL('../../execution/fixtures/hypothetical-2027-notice.json', import.meta.url), 'utf8')),
  }),
  setJurisdictionCalendar: async () => ({ params: { id: 'sh-pudong-lujiazui' }, body: { calendar: null } }),
};
