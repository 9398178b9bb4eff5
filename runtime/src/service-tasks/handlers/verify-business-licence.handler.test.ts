import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../service-handler.ts';
import { verifyBusinessLicenceHandler } from './verify-business-licence.handler.ts';

function request(data: Record<string, unknown>, params: Record<string, unknown> = {}): ServiceRequest {
  return {
    invocationId: 'c1.verify#1',
    attempt: 1,
    caseId: 'c1',
    nodeId: 'verify',
    service: 'verify-business-licence',
    params,
    data,
    now: new Date('2026-03-02T01:00:00Z'),
    signal: new AbortController().signal,
  };
}

describe('the verify-business-licence service', () => {
  it('records a valid credit code as verified', async () => {
    expect(await verifyBusinessLicenceHandler(request({ unifiedSocialCreditCode: '91350200MA2YJ1XR9G' }))).toEqual({
      data: { businessLicenceVerified: true, businessLicenceProblem: null },
    });
  });

  it('records a code with a wrong check character as not verified, with the problem', async () => {
    expect(await verifyBusinessLicenceHandler(request({ unifiedSocialCreditCode: '91350200MA2YJ1XR9H' }))).toEqual({
      data: { businessLicenceVerified: false, businessLicenceProblem: 'check-character' },
    });
  });

  it('reads and writes the fields the node names', async () => {
    const result = await verifyBusinessLicenceHandler(
      request({ code: '913502000728319549' }, { field: 'code', resultField: 'ok', problemField: 'why' }),
    );
    expect(result.data).toEqual({ ok: true, why: null });
  });

  it('fails permanently when the case data lacks the code', async () => {
    await expect(verifyBusinessLicenceHandler(request({}))).rejects.toMatchObject({
      name: 'PermanentServiceError',
      code: 'case-data-missing',
      message: expect.stringContaining("'unifiedSocialCreditCode'"),
    });
    await expect(verifyBusinessLicenceHandler(request({ code: 1 }, { field: '' }))).rejects.toMatchObject({ code: 'invalid-service-params' });
  });
});
