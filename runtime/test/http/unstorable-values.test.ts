import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInvalidInput } from './support/body-rejection-suite.ts';
import { fileCase, permitApplication } from './support/case-helpers.ts';
import { PORTAL_KEY, startHttp } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';
import { rowCounts } from './support/row-counts.ts';

let harness: HttpHarness;

beforeAll(async () => {
  harness = await startHttp();
  await harness.publish('http-permit');
});

afterAll(async () => {
  await harness.close();
});

describe('a NUL character (U+0000) in a JSON body', () => {
  it('answers 400 invalid-input naming the field on POST /auth/login', async () => {
    const response = await harness.client.send('POST', '/api/v1/auth/login', { username: 'a\u0000', password: 'x' });
    expectInvalidInput(response, 'body.username');
  });

  it('answers 400 invalid-input naming the nested field or key on POST /cases, writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const inValue = await fileCase(harness.client, { apiKey: PORTAL_KEY }, permitApplication({ applicant: { name: 'a\u0000b' } }));
    expectInvalidInput(inValue, 'body.applicant.name');
    const inKey = await fileCase(harness.client, { apiKey: PORTAL_KEY }, permitApplication({ data: { shopName: 'x', ['k\u0000']: 1 } }));
    expect(inKey.status).toBe(400);
    expect(inKey.body.error.details.field).toBe('body.data.k\\u0000');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });
});

describe('a number past the double range in a JSON body', () => {
  it('answers 400 invalid-input naming body.data.area on POST /cases, where a jsonb write would have stored null', async () => {
    const before = await rowCounts(harness.database.sql);
    const text = JSON.stringify(permitApplication({ data: { shopName: '南京东路小吃店', area: 0 } })).replace('"area":0', '"area":1e309');
    const response = await harness.client.raw(
      'POST',
      '/api/v1/cases',
      { body: text, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'non-finite-1' } },
      { apiKey: PORTAL_KEY },
    );
    expectInvalidInput(response, 'body.data.area');
    expect(response.body.error.message).toContain('finite');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('answers 400 naming the array item of a negative one', async () => {
    const response = await harness.client.raw(
      'POST',
      '/api/v1/cases',
      {
        body: JSON.stringify(permitApplication()).replace('"data":{', '"data":{"list":[1,-1e400],'),
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'non-finite-2' },
      },
      { apiKey: PORTAL_KEY },
    );
    expectInvalidInput(response, 'body.data.list.1');
  });
});

describe('a lone UTF-16 surrogate in a JSON body', () => {
  it('answers 400 invalid-input naming the field on POST /cases, where PostgreSQL would have refused the jsonb (500), writing nothing', async () => {
    const before = await rowCounts(harness.database.sql);
    const text = JSON.stringify(permitApplication({ applicant: { name: '张三', address: 'SURROGATE' } })).replace('SURROGATE', 'x\\udfff');
    const response = await harness.client.raw(
      'POST',
      '/api/v1/cases',
      { body: text, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'surrogate-1' } },
      { apiKey: PORTAL_KEY },
    );
    expectInvalidInput(response, 'body.applicant.address');
    expect(response.body.error.details.issues[0].code).toBe('lone-surrogate');
    expect(await rowCounts(harness.database.sql)).toEqual(before);
  });

  it('accepts a surrogate pair (an emoji, a rare CJK character)', async () => {
    const response = await fileCase(harness.client, { apiKey: PORTAL_KEY }, permitApplication({ applicant: { name: '𠀀😀' } }));
    expect(response.status, response.text).toBe(201);
  });
});
