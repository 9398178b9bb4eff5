import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCase, openTaskAt } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';

let harness: HttpHarness;
let caseId: string;
let caseNumber: string;
let manager: string;

beforeAll(async () => {
  harness = await startHttp();
  await harness.publish('http-permit');
  const { client } = harness;
  const filed = await fileCase(client, { apiKey: PORTAL_KEY });
  caseId = filed.body.id as string;
  caseNumber = filed.body.caseNumber as string;
  const intake = await client.login('huangpu.intake');
  const task = await openTaskAt(client, intake, caseId, 'intake');
  expect((await client.send('POST', `/api/v1/tasks/${task.id}/claim`, undefined, { token: intake })).status).toBe(200);
  const advanced = await client.send('POST', '/api/v1/clock/advance', { by: { amount: 2, unit: 'workingDay' } }, { token: await client.login('admin') });
  expect(advanced.status, advanced.text).toBe(200);
  manager = await client.login('huangpu.manager');
}, 120_000);

afterAll(async () => {
  await harness.close();
});

const overdue = (query: string) => harness.client.send('GET', `/api/v1/monitor/overdue?limit=200${query}`, undefined, { token: manager });

describe('the monitor’s overdue list', () => {
  it('carries the case’s number, the applicant, the assignee’s name and how long the task is overdue in working time', async () => {
    const page = await overdue('');
    expect(page.status, page.text).toBe(200);
    const row = page.body.items.find((t: { caseId: string }) => t.caseId === caseId);
    expect(row).toMatchObject({
      caseNumber,
      nodeId: 'intake',
      name: '受理',
      definitionKey: 'http-permit',
      departmentId: 'sh-huangpu-service-hall',
      applicantName: '张三',
      assigneeId: 'huangpu.intake',
      assigneeName: '黄浦区综合窗口受理员',
    });
    expect(row.workingMinutesPerDay).toBeGreaterThan(0);
    expect(row.overdueWorkingMinutes).toBe(row.workingMinutesPerDay);
  });

  it('filters by department, workflow and step', async () => {
    const mine = (body: { items: { caseId: string }[] }) => body.items.some((t) => t.caseId === caseId);
    expect(mine((await overdue('&departmentId=sh-huangpu-service-hall&definitionKey=http-permit&nodeId=intake')).body)).toBe(true);
    expect(mine((await overdue('&nodeId=review')).body)).toBe(false);
    expect(mine((await overdue('&departmentId=sh-huangpu-market-regulation')).body)).toBe(false);
    expect(mine((await overdue('&definitionKey=another-workflow')).body)).toBe(false);
    const bad = await overdue('&nodeId=%20bad%20');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('nodeId');
  });
});
