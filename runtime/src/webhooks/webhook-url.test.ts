import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/index.ts';
import { checkWebhookUrl } from './webhook-url.ts';

function reasonOf(url: string): string | undefined {
  try {
    checkWebhookUrl(url);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).details.reason;
  }
}

describe('checkWebhookUrl', () => {
  it('accepts http and https URLs with a port, path and query', () => {
    expect(checkWebhookUrl('https://portal.example.gov.cn/hooks/tongban?x=1')).toBe('https://portal.example.gov.cn/hooks/tongban?x=1');
    expect(checkWebhookUrl('http://127.0.0.1:8080/in')).toBe('http://127.0.0.1:8080/in');
  });

  it('refuses other schemes, credentials, fragments, relative and over-long URLs, naming why', () => {
    expect(reasonOf('ftp://example.com/x')).toBe('scheme');
    expect(reasonOf('file:///etc/passwd')).toBe('scheme');
    expect(reasonOf('https://user:pass@example.com/x')).toBe('credentials');
    expect(reasonOf('https://token@example.com/x')).toBe('credentials');
    expect(reasonOf('https://example.com/x#frag')).toBe('fragment');
    expect(reasonOf('/hooks')).toBe('not-a-url');
    expect(reasonOf(`https://example.com/${'a'.repeat(2_100)}`)).toBe('too-long');
  });
});
