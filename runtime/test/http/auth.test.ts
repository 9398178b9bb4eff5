import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './support/http-test-client.ts';
import type { HttpTestClient } from './support/http-test-client.ts';
import { itRejectsBadBodies } from './support/body-rejection-suite.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import { rowCounts } from './support/row-counts.ts';

let harness: HttpHarness;
let client: HttpTestClient;
let wallClock = new Date('2026-03-02T09:00:00+08:00');

beforeAll(async () => {
  harness = await startHttp({ app: { tokenTtlMinutes: 60, sessionClock: () => wallClock } });
  client = harness.client;
});

afterAll(async () => {
  await harness.close();
});

describe('POST /auth/login', () => {
  it('answers a token, its expiry and the user with department and jurisdiction', async () => {
    const response = await client.send('POST', '/api/v1/auth/login', { username: 'huangpu.intake', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.body.expiresAt).toBe(new Date(wallClock.getTime() + 60 * 60_000).toISOString());
    expect(response.body.user).toMatchObject({
      username: 'huangpu.intake',
      roles: ['clerk'],
      department: { id: 'sh-huangpu-service-hall', kind: 'service-hall', jurisdictionId: 'sh-huangpu' },
      jurisdiction: { id: 'sh-huangpu', level: 'district', parentId: 'sh' },
    });
  });

  it('reads a JSON body whose content type names its charset', async () => {
    const response = await client.raw('POST', '/api/v1/auth/login', {
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
    expect(response.status).toBe(200);
  });

  it('stores only the SHA-256 of the token, never the token', async () => {
    const token = await client.login('xuhui.market');
    const rows = await harness.database.sql<{ token_hash: string }[]>`select token_hash from sessions`;
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest('hex');
    expect(rows.map((row) => row.token_hash)).toContain(hash);
    expect(rows.map((row) => row.token_hash)).not.toContain(token);
  });

  it('refuses a wrong password and an unknown user with the same answer, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const wrongPassword = await client.send('POST', '/api/v1/auth/login', { username: 'admin', password: 'nope' });
    const unknownUser = await client.send('POST', '/api/v1/auth/login', { username: 'nobody', password: DEMO_PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toEqual({
      error: { code: 'invalid-credentials', message: 'The username or the password is wrong', details: null },
    });
    expect(unknownUser.status).toBe(401);
    expect(unknownUser.body).toEqual(wrongPassword.body);
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('names each missing field and each field of the wrong type', async () => {
    const missing = await client.send('POST', '/api/v1/auth/login', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('invalid-input');
    expect(missing.body.error.details.issues.map((issue: { path: string }) => issue.path)).toEqual(['username', 'password']);
    expect(missing.body.error.details.field).toBe('body.username');

    const wrongTypes = await client.send('POST', '/api/v1/auth/login', { username: 42, password: ['x'] });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.error.details.issues).toEqual([
      expect.objectContaining({ in: 'body', path: 'username', code: 'invalid_type' }),
      expect.objectContaining({ in: 'body', path: 'password', code: 'invalid_type' }),
    ]);
  });

  it('refuses fields it does not know', async () => {
    const response = await client.send('POST', '/api/v1/auth/login', {
      username: 'admin',
      password: DEMO_PASSWORD,
      remember: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid-input');
    expect(response.body.error.message).toContain('remember');
  });
});

describe('POST /auth/login with a body that is not a JSON object within the limit', () => {
  itRejectsBadBodies(() => ({
    client,
    sql: harness.database.sql,
    method: 'POST',
    path: '/api/v1/auth/login',
    options: {},
    maxBodyBytes: 1_048_576,
  }));
});

describe('POST /auth/logout', () => {
  it('ends the session, so the token no longer opens /me', async () => {
    const token = await client.login('pudong.hr');
    expect((await client.send('GET', '/api/v1/me', undefined, { token })).status).toBe(200);
    expect((await client.send('POST', '/api/v1/auth/logout', undefined, { token })).status).toBe(204);
    const after = await client.send('GET', '/api/v1/me', undefined, { token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('invalid-token');
  });
});

describe('GET /me', () => {
  it('answers the signed-in user, department, jurisdiction and roles', async () => {
    const token = await client.login('designer');
    const response = await client.send('GET', '/api/v1/me', undefined, { token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      username: 'designer',
      roles: ['designer'],
      department: { kind: 'government-service', jurisdictionId: 'sh' },
      jurisdiction: { id: 'sh', name: '上海市', level: 'city', parentId: null },
    });
  });

  it('answers 401 unauthenticated without a token', async () => {
    const response = await client.send('GET', '/api/v1/me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthenticated');
  });

  it('answers 401 for a token it never issued and for an Authorization header that is not Bearer', async () => {
    const unknown = await client.send('GET', '/api/v1/me', undefined, { token: 'made-up-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('invalid-token');
    const basic = await client.send('GET', '/api/v1/me', undefined, { headers: { Authorization: 'Basic YWRtaW46eA==' } });
    expect(basic.status).toBe(401);
    expect(basic.body.error.code).toBe('unauthenticated');
  });

  it('answers 401 once the token has expired', async () => {
    const token = await client.login('xuhui.police');
    const issuedAt = wallClock;
    wallClock = new Date(issuedAt.getTime() + 59 * 60_000);
    expect((await client.send('GET', '/api/v1/me', undefined, { token })).status).toBe(200);
    wallClock = new Date(issuedAt.getTime() + 60 * 60_000);
    const expired = await client.send('GET', '/api/v1/me', undefined, { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('invalid-token');
    wallClock = issuedAt;
  });

  it('answers 403 to the citizen portal key, which may only file cases', async () => {
    const response = await client.send('GET', '/api/v1/me', undefined, { apiKey: PORTAL_KEY });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('api-key-not-allowed');
  });
});
