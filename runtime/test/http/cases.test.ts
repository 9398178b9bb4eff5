import { getWorkflow, workflowFixtures } from '@tongban/workflows';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidInput, itRejectsBadBodies } from './support/body-rejection-suite.ts';
import { fileCase, openTaskAt, permitApplication } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';
import { rowCounts } from './support/row-counts.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let intake: string;
let otherIntake: string;
let market: string;
let manager: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  await harness.publish('http-permit');
  intake = await client.login('huangpu.intake');
  otherIntake = await client.login('xuhui.intake');
  market = await client.login('huangpu.market');
  manager = await client.login('city.manager');
});

afterAll(async () => {
  await harness.close();
});

describe('POST /cases', () => {
  it('files a service-hall clerk’s application: 201 with the case and its Location', async () => {
    const response = await fileCase(client, { token: intake });
    expect(response.status, response.text).toBe(201);
    expect(response.body).toMatchObject({
      definitionKey: 'http-permit',
      definitionVersion: 1,
      jurisdictionId: 'sh-huangpu-nanjing-east',
      status: 'active',
      applicant: { name: '张三' },
      data: { shopName: '南京东路小吃店' },
    });
    expect(response.body).not.toHaveProperty('snapshot');
    expect(response.headers.get('location')).toBe(`/api/v1/cases/${response.body.id}`);
  });

  it('files the citizen portal’s application sent with its API key', async () => {
    const response = await fileCase(client, { apiKey: PORTAL_KEY });
    expect(response.status).toBe(201);
    expect(response.body.createdBy).toBeNull();
  });

  it('answers 200 with the same case for the same Idempotency-Key, starting nothing', async () => {
    const key = randomUUID();
    const first = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication(), key);
    expect(first.status).toBe(201);
    const before = await rowCounts(harness.database.sql);
    const again = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication(), key);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('keeps Idempotency-Keys of different callers apart: another caller with the same key files its own case', async () => {
    const key = 'nc-case-1';
    const portal = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication(), key);
    expect(portal.status).toBe(201);
    const xuhui = await fileCase(client, { token: otherIntake }, permitApplication({ jurisdiction: 'sh-xuhui-tianping' }), key);
    expect(xuhui.status, xuhui.text).toBe(201);
    expect(xuhui.body.id).not.toBe(portal.body.id);
    expect(xuhui.body.jurisdictionId).toBe('sh-xuhui-tianping');
  });

  it('answers 422 idempotency-key-reused when the same caller sends the same key with a different body, writing nothing', async () => {
    const key = randomUUID();
    const first = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication(), key);
    expect(first.status).toBe(201);
    const before = await rowCounts(harness.database.sql);
    const changed = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ data: { shopName: '另一家店' } }), key);
    expect(changed.status, changed.text).toBe(422);
    expect(changed.body.error).toMatchObject({ code: 'idempotency-key-reused', details: { header: 'Idempotency-Key' } });
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 401 without credentials and with an unknown API key', async () => {
    const none = await fileCase(client, {});
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthenticated');
    const unknown = await fileCase(client, { apiKey: 'not-the-portal' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('invalid-api-key');
  });

  it('answers 403 to a clerk who is not at a service hall, and to one of another district, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const notIntake = await fileCase(client, { token: market });
    expect(notIntake.status).toBe(403);
    expect(notIntake.body.error.code).toBe('intake-forbidden');
    const otherDistrict = await fileCase(client, { token: otherIntake });
    expect(otherDistrict.status).toBe(403);
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('names the missing Idempotency-Key header', async () => {
    const response = await client.send('POST', '/api/v1/cases', permitApplication(), { apiKey: PORTAL_KEY });
    expectInvalidInput(response, 'header.Idempotency-Key');
  });

  it('names each missing field and each field of the wrong type, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const missing = await fileCase(client, { apiKey: PORTAL_KEY }, {});
    for (const field of ['definitionKey', 'jurisdiction', 'applicant', 'data']) expectInvalidInput(missing, `body.${field}`);
    const wrongTypes = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ applicant: '张三', data: [1] }));
    expectInvalidInput(wrongTypes, 'body.applicant');
    expectInvalidInput(wrongTypes, 'body.data');
    const badKey = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey: 'Http Permit' }));
    expectInvalidInput(badKey, 'body.definitionKey');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 400 invalid-case-data naming each field that breaks a keyword of the data schema, writing nothing', async () => {
    await harness.runtime.publishDefinition(getWorkflow('open-restaurant'), { publishedBy: null });
    const [fixture] = workflowFixtures.filter((f) => f.workflow === 'open-restaurant');
    if (!fixture) throw new Error('open-restaurant ships no fixture');
    const application = (data: Record<string, unknown>) =>
      permitApplication({ definitionKey: 'open-restaurant', jurisdiction: 'sh-huangpu-nanjing-east', data: { ...fixture.data, ...data } });
    const before = await rowCounts(harness.database.sql);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ area: -5 }, 'data.area', 'exclusiveMinimum'],
      [{ foodBusinessItems: ['pizza'] }, 'data.foodBusinessItems[0]', 'enum'],
      [{ foodBusinessItems: [] }, 'data.foodBusinessItems', 'minItems'],
      [{ contactPhone: 'abc' }, 'data.contactPhone', 'pattern'],
      [{ applicantName: '' }, 'data.applicantName', 'minLength'],
    ];
    for (const [data, field, reason] of cases) {
      const response = await fileCase(client, { apiKey: PORTAL_KEY }, application(data));
      expect(response.status, response.text).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'invalid-case-data', details: { field, reason } });
      expect(response.body.error.message).toContain(field);
    }
    expect(await rowCounts(harness.database.sql)).toEqual(before);
    expect((await fileCase(client, { apiKey: PORTAL_KEY }, application({}))).status).toBe(201);
  });

  it('answers 400 invalid-case-data naming a key of data the workflow’s data schema does not declare, writing nothing', async () => {
    await harness.runtime.publishDefinition(getWorkflow('open-restaurant'), { publishedBy: null });
    const [fixture] = workflowFixtures.filter((f) => f.workflow === 'open-restaurant');
    if (!fixture) throw new Error('open-restaurant ships no fixture');
    const before = await rowCounts(harness.database.sql);
    const response = await fileCase(
      client,
      { apiKey: PORTAL_KEY },
      permitApplication({ definitionKey: 'open-restaurant', data: { ...fixture.data, approvedBy: 'huangpu.market' } }),
    );
    expect(response.status, response.text).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'invalid-case-data', details: { field: 'data.approvedBy', reason: 'unknown-field' } });
    expect(response.body.error.message).toContain("no field 'approvedBy'");
    expect(await rowCounts(harness.database.sql)).toEqual(before);
    const withoutSchema = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ data: { shopName: '小店', anything: 1 } }));
    expect(withoutSchema.status, withoutSchema.text).toBe(201);
  });

  it('answers 400 naming the applicant field at fault: a blank or long name, an unknown key, an id number without its type, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const refused: [Record<string, unknown>, string][] = [
      [{ phone: '13800000000' }, 'body.applicant.name'],
      [{ name: '   ' }, 'body.applicant.name'],
      [{ name: '张'.repeat(201) }, 'body.applicant.name'],
      [{ name: '张三', phone: 'call me' }, 'body.applicant.phone'],
      [{ name: '张三', email: 'not-an-address' }, 'body.applicant.email'],
      [{ name: '张三', idNumber: '310101199001011234' }, 'body.applicant.idType'],
      [{ name: '张三', idType: 'residentIdCard' }, 'body.applicant.idNumber'],
      [{ name: '张三', idType: 'libraryCard', idNumber: '1' }, 'body.applicant.idType'],
      [{ name: '张三', role: 'admin' }, 'body.applicant'],
    ];
    for (const [applicant, field] of refused) {
      const response = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ applicant }));
      expectInvalidInput(response, field);
    }
    const unknown = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ applicant: { name: '张三', role: 'admin' } }));
    expect(unknown.body.error.message).toContain('role');
    expect(await rowCounts(harness.database.sql)).toEqual(before);

    const full = { name: ' 上海南京东路餐饮有限公司 ', phone: '+86 21-6321 1234', email: 'shop@example.cn', address: '上海市黄浦区南京东路100号', idType: 'unifiedSocialCreditCode', idNumber: '91310101MA1FPX1234' };
    const filed = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ applicant: full }));
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body.applicant).toEqual({ ...full, name: '上海南京东路餐饮有限公司' });
  });

  it('answers 400 jurisdiction-level-mismatch for a district-level process filed at the city, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const response = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ jurisdiction: 'sh' }));
    expect(response.status, response.text).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'jurisdiction-level-mismatch',
      details: { field: 'jurisdiction', nodeId: 'intake', level: 'district' },
    });
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 400 naming the jurisdiction that does not exist, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const response = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ jurisdiction: 'sh-nowhere' }));
    expect(response.status).toBe(400);
    expect(response.body.error.details.field).toBe('jurisdiction');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 404 for a workflow never published, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const response = await fileCase(client, { apiKey: PORTAL_KEY }, permitApplication({ definitionKey: 'no-such-workflow' }));
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('definition-not-found');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  describe('with a body that is not a JSON object within the limit', () => {
    itRejectsBadBodies(() => ({
      client,
      sql: harness.database.sql,
      method: 'POST',
      path: '/api/v1/cases',
      options: { apiKey: PORTAL_KEY, headers: { 'Idempotency-Key': randomUUID() } },
      maxBodyBytes: 1_048_576,
    }));
  });
});

describe('GET /cases', () => {
  it('lists the cases with a task of the clerk’s department, and those of the manager’s jurisdiction', async () => {
    const filed = await fileCase(client, { token: intake });
    const mine = await client.send('GET', '/api/v1/cases?limit=200', undefined, { token: intake });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(filed.body.id);
    expect(mine.body.total).toBeGreaterThanOrEqual(1);
    const others = await client.send('GET', '/api/v1/cases?limit=200', undefined, { token: otherIntake });
    expect(others.body.items.map((c: { id: string }) => c.id)).not.toContain(filed.body.id);
    const city = await client.send('GET', '/api/v1/cases?limit=200&jurisdiction=sh-huangpu', undefined, { token: manager });
    expect(city.body.items.map((c: { id: string }) => c.id)).toContain(filed.body.id);
  });

  it('pages with limit and offset', async () => {
    const all = await client.send('GET', '/api/v1/cases?limit=200', undefined, { token: manager });
    const second = await client.send('GET', '/api/v1/cases?limit=1&offset=1', undefined, { token: manager });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).toBe(all.body.items[1].id);
    expect(second.body.total).toBe(all.body.total);
  });

  it('names the query parameter it cannot read', async () => {
    expectInvalidInput(await client.send('GET', '/api/v1/cases?status=lost', undefined, { token: manager }), 'query.status');
    expectInvalidInput(await client.send('GET', '/api/v1/cases?limit=0', undefined, { token: manager }), 'query.limit');
    expectInvalidInput(await client.send('GET', '/api/v1/cases?offset=x', undefined, { token: manager }), 'query.offset');
  });

  it('answers 403 to the portal key, which may not list cases', async () => {
    const response = await client.send('GET', '/api/v1/cases', undefined, { apiKey: PORTAL_KEY });
    expect(response.status).toBe(403);
  });
});

describe('GET /cases/{id}', () => {
  it('answers the case with its tasks, timeline, active nodes and SLA', async () => {
    const filed = await fileCase(client, { token: intake });
    const response = await client.send('GET', `/api/v1/cases/${filed.body.id}`, undefined, { token: intake });
    expect(response.status).toBe(200);
    expect(response.body.case.id).toBe(filed.body.id);
    expect(response.body.definition).toEqual({ key: 'http-permit', version: 1, name: '接口测试许可' });
    expect(response.body.activeNodes).toEqual(['intake']);
    expect(response.body.tasks).toEqual([
      expect.objectContaining({ nodeId: 'intake', departmentId: 'sh-huangpu-service-hall', status: 'open', suspended: false }),
    ]);
    expect(response.body.tasks[0].dueAt).toEqual(expect.any(String));
    expect(response.body.timeline.map((e: { type: string }) => e.type)).toContain('case.created');
    expect(response.body.sla).toEqual(expect.objectContaining({ slaState: 'onTrack' }));
  });

  it('answers 403 to a clerk of another district', async () => {
    const filed = await fileCase(client, { token: intake });
    const response = await client.send('GET', `/api/v1/cases/${filed.body.id}`, undefined, { token: otherIntake });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('case-forbidden');
  });

  it('answers 404 for a case that does not exist, and 400 for an id that cannot be one', async () => {
    const missing = await client.send('GET', `/api/v1/cases/${randomUUID()}`, undefined, { token: intake });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('case-not-found');
    expectInvalidInput(await client.send('GET', '/api/v1/cases/%20drop', undefined, { token: intake }), 'path.id');
  });
});

describe('POST /cases/{id}/supplement', () => {
  /** A case whose intake clerk asked for a 补正: suspended. */
  async function suspendedCase(): Promise<string> {
    const filed = await fileCase(client, { apiKey: PORTAL_KEY });
    const task = await openTaskAt(client, intake, filed.body.id, 'intake');
    const asked = await client.send(
      'POST',
      `/api/v1/tasks/${task.id}/complete`,
      {
        outcome: 'requestSupplement',
        data: {},
        comment: '缺营业执照',
        supplementItems: [
          { kind: 'field', field: 'shopName', note: '店名须与营业执照一致' },
          { kind: 'document', document: '营业执照副本', note: '加盖公章' },
        ],
      },
      { token: intake },
    );
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body.case.status).toBe('suspended');
    return filed.body.id as string;
  }

  it('resumes a suspended case with what the portal supplies', async () => {
    const caseId = await suspendedCase();
    const response = await client.send(
      'POST',
      `/api/v1/cases/${caseId}/supplement`,
      { data: { shopName: '南京东路小吃店（一店）' }, documents: ['营业执照副本'] },
      { apiKey: PORTAL_KEY },
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ id: caseId, status: 'active', data: { shopName: '南京东路小吃店（一店）' } });
  });

  it('answers 409 case-not-suspended for a case that waits for nothing, writing nothing', async () => {
    const filed = await fileCase(client, { apiKey: PORTAL_KEY });
    const before = await rowCounts(harness.database.sql);
    const response = await client.send('POST', `/api/v1/cases/${filed.body.id}/supplement`, { data: {} }, { apiKey: PORTAL_KEY });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('case-not-suspended');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('names the missing data and documents of the wrong type, writing nothing', async () => {
    const caseId = await suspendedCase();
    const before = await rowCounts(harness.database.sql);
    expectInvalidInput(await client.send('POST', `/api/v1/cases/${caseId}/supplement`, {}, { apiKey: PORTAL_KEY }), 'body.data');
    expectInvalidInput(
      await client.send('POST', `/api/v1/cases/${caseId}/supplement`, { data: {}, documents: 'licence' }, { apiKey: PORTAL_KEY }),
      'body.documents',
    );
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 404 for a case that does not exist', async () => {
    const response = await client.send('POST', `/api/v1/cases/${randomUUID()}/supplement`, { data: {} }, { apiKey: PORTAL_KEY });
    expect(response.status).toBe(404);
  });

  describe('with a body that is not a JSON object within the limit', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await suspendedCase();
    });
    itRejectsBadBodies(() => ({
      client,
      sql: harness.database.sql,
      method: 'POST',
      path: `/api/v1/cases/${caseId}/supplement`,
      options: { apiKey: PORTAL_KEY },
      maxBodyBytes: 1_048_576,
    }));
  });
});
