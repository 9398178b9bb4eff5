import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody } from './webhook-signature.ts';

describe('signWebhookBody', () => {
  it('signs the timestamp and the body together with HMAC-SHA256 of the secret', () => {
    const body = '{"event":"case.accepted"}';
    const expected = createHmac('sha256', 'whsec-1').update(`1767225600.${body}`).digest('hex');
    expect(signWebhookBody('whsec-1', 1_767_225_600, body)).toBe(`t=1767225600,v1=${expected}`);
  });

  it('gives another signature for another secret, timestamp or body', () => {
    const base = signWebhookBody('a', 1, 'x');
    expect(signWebhookBody('b', 1, 'x')).not.toBe(base);
    expect(signWebhookBody('a', 2, 'x').split(',v1=')[1]).not.toBe(base.split(',v1=')[1]);
    expect(signWebhookBody('a', 1, 'y')).not.toBe(base);
  });
});
