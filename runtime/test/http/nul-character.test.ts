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
