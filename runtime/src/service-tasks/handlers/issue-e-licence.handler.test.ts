import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../service-handler.ts';
import { issueELicenceHandler } from './issue-e-licence.handler.ts';

function request(caseId: string, data: Record<string, unknown>, params: Record<string, unknown> = {}): ServiceRequest {
  return {
    invocationId: `${caseId}.issue#1`,
    attempt: 1,
    caseId,
    nodeId: 'issue',
    service: 'issue-e-licence',
    params,
    data,
    now: new Date('2026-03-02T01:00:00Z'),
    signal: new AbortController().signal,
  };
}

describe('the issue-e-licence service', () => {
  it('issues a number of the prefix, the division of the credit code and an eight-digit serial', async () => {
    const { data } = await issueELicenceHandler(request('c1', { unifiedSocialCreditCode: '91350200MA2YJ1XR9G' }));
    expect(data.eLicenceNumber).toMatch(/^JY350200\d{8}$/);
  });

  it('issues the same number on every attempt for one case and node, and another for another case', async () => {
    const first = await issueELicenceHandler(request('c1', {}));
    const again = await issueELicenceHandler({ ...request('c1', {}), attempt: 3 });
    const other = await issueELicenceHandler(request('c2', {}));
    expect(again).toEqual(first);
    expect(other.data.eLicenceNumber).not.toBe(first.data.eLicenceNumber);
    expect(first.data.eLicenceNumber).toMatch(/^JY000000\d{8}$/);
  });

  it('writes the field and uses the prefix the node names', async () => {
    const { data } = await issueELicenceHandler(request('c1', {}, { field: 'signPermitNumber', prefix: 'ZP' }));
    expect(Object.keys(data)).toEqual(['signPermitNumber']);
    expect(data.signPermitNumber).toMatch(/^ZP/);
  });
});
