import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidInput } from './support/body-rejection-suite.ts';
import { startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import type { HttpTestClient } from './support/http-test-client.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let token: string;

beforeAll(async () => {
  harness = await startHttp();
  client = harness.client;
  token = await client.login('designer');
});

afterAll(async () => {
  await harness.close();
});

describe('GET /jurisdictions', () => {
  it('lists the city first, then the districts, then the sub-districts', async () => {
    const response = await client.send('GET', '/api/v1/jurisdictions', undefined, { token });
    expect(response.status).toBe(200);
    const levels = response.body.items.map((j: { level: string }) => j.level);
    expect(levels).toEqual(['city', 'district', 'district', 'district', 'subDistrict', 'subDistrict', 'subDistrict']);
    expect(response.body.items[0]).toEqual({ id: 'sh', name: '上海市', level: 'city', parentId: null, calendarKey: 'cn-mainland' });
    expect(response.body.items).toContainEqual({
      id: 'sh-huangpu-nanjing-east',
      name: '南京东路街道',
      level: 'subDistrict',
      parentId: 'sh-huangpu',
      calendarKey: null,
    });
  });

  it('answers 401 without a token', async () => {
    expect((await client.send('GET', '/api/v1/jurisdictions')).status).toBe(401);
  });
});

describe('GET /departments', () => {
  it('lists the departments of one jurisdiction', async () => {
    const response = await client.send('GET', '/api/v1/departments?jurisdiction=sh-xuhui', undefined, { token });
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeGreaterThanOrEqual(9);
    expect(response.body.items.every((d: { jurisdictionId: string }) => d.jurisdictionId === 'sh-xuhui')).toBe(true);
    expect(response.body.items).toContainEqual(
      expect.objectContaining({ id: 'sh-xuhui-fire-rescue', kind: 'fire-rescue', jurisdictionId: 'sh-xuhui' }),
    );
  });

  it('lists the departments of one kind across the city and its districts', async () => {
    const response = await client.send('GET', '/api/v1/departments?kind=market-regulation', undefined, { token });
    expect(response.status).toBe(200);
    expect(response.body.items.map((d: { id: string }) => d.id)).toEqual([
      'sh-market-regulation',
      'sh-huangpu-market-regulation',
      'sh-pudong-market-regulation',
      'sh-xuhui-market-regulation',
    ]);
  });

  it('names the query parameter that is not an id', async () => {
    const response = await client.send('GET', '/api/v1/departments?kind=a%20b', undefined, { token });
    expectInvalidInput(response, 'query.kind');
  });
});

describe('GET /users', () => {
  it('lists the users of one department with their display names and no password', async () => {
    const response = await client.send('GET', '/api/v1/users?department=sh-huangpu-fire-rescue', undefined, { token });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      { id: 'huangpu.fire', username: 'huangpu.fire', displayName: '黄浦区消防救援支队审查员', departmentId: 'sh-huangpu-fire-rescue', roles: ['clerk'] },
    ]);
  });

  it('filters by role and by text in the name or login', async () => {
    const managers = await client.send('GET', '/api/v1/users?role=manager&q=%E9%BB%84%E6%B5%A6', undefined, { token });
    expect(managers.status).toBe(200);
    const found = managers.body.items as { id: string; displayName: string; roles: string[] }[];
    expect(found.map((u) => u.id)).toContain('huangpu.manager');
    expect(found.every((u) => u.roles.includes('manager') && u.displayName.includes('黄浦'))).toBe(true);
    const byLogin = await client.send('GET', '/api/v1/users?q=xuhui.ta', undefined, { token });
    expect(byLogin.body.items.map((u: { id: string }) => u.id)).toEqual(['xuhui.tax']);
  });

  it('matches a search literally: a % in it is no wildcard', async () => {
    const response = await client.send('GET', '/api/v1/users?q=%25', undefined, { token });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
  });

  it('refuses an unknown role, naming the field', async () => {
    const response = await client.send('GET', '/api/v1/users?role=citizen', undefined, { token });
    expectInvalidInput(response, 'query.role');
  });
});
