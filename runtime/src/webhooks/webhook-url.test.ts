import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/index.ts';
import { EgressPolicy } from '../egress/index.ts';
import { checkWebhookUrl } from './webhook-url.ts';

const publicOnly = EgressPolicy.allowing([]);

function refusalOf(url: string, policy = publicOnly): InvalidInputError['details'] | undefined {
  try {
    checkWebhookUrl(url, policy);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).details;
  }
}

function reasonOf(url: string): string | undefined {
  return refusalOf(url)?.reason;
}

describe('checkWebhookUrl', () => {
  it('accepts http and https URLs with a port, path and query on a public host', () => {
    expect(checkWebhookUrl('https://portal.example.gov.cn/hooks/tongban?x=1', publicOnly)).toBe('https://portal.example.gov.cn/hooks/tongban?x=1');
    expect(checkWebhookUrl('http://202.96.209.5:8080/in', publicOnly)).toBe('http://202.96.209.5:8080/in');
    expect(checkWebhookUrl('https://[2001:4860:4860::8888]/in', publicOnly)).toBe('https://[2001:4860:4860::8888]/in');
  });

  it('refuses loopback, private, link-local, unique-local, multicast and unspecified addresses and localhost, naming the range', () => {
    const cases: [string, string][] = [
      ['http://127.0.0.1:8080/in', 'loopback'],
      ['http://2130706433/in', 'loopback'],
      ['http://0x7f.1/in', 'loopback'],
      ['http://[::1]/in', 'loopback'],
      ['http://[::ffff:127.0.0.1]/in', 'loopback'],
      ['http://10.1.2.3/in', 'private'],
      ['http://192.168.0.10/in', 'private'],
      ['http://172.16.5.4/in', 'private'],
      ['http://100.64.0.1/in', 'carrierGradeNat'],
      ['http://169.254.169.254/latest/meta-data', 'linkLocal'],
      ['http://[fe80::1]/in', 'linkLocal'],
      ['http://[fd00:ec2::254]/in', 'uniqueLocal'],
      ['http://224.0.0.1/in', 'multicast'],
      ['http://[ff02::1]/in', 'multicast'],
      ['http://0.0.0.0/in', 'unspecified'],
      ['http://[::]/in', 'unspecified'],
      ['http://255.255.255.255/in', 'broadcast'],
      ['http://203.0.113.10/in', 'reserved'],
      ['http://localhost:3000/in', 'loopback'],
      ['http://LOCALHOST./in', 'loopback'],
      ['http://portal.localhost/in', 'loopback'],
    ];
    for (const [url, range] of cases) {
      expect(refusalOf(url), url).toMatchObject({ field: 'url', reason: 'private-address', range });
    }
  });

  it('accepts a private host the operator allowed by name, address or range', () => {
    const allowed = EgressPolicy.allowing(['127.0.0.1', '10.20.0.0/16', 'hooks.localhost', 'fd00::/8']);
    expect(refusalOf('http://127.0.0.1:8080/in', allowed)).toBeUndefined();
    expect(refusalOf('http://10.20.3.4/in', allowed)).toBeUndefined();
    expect(refusalOf('http://hooks.localhost/in', allowed)).toBeUndefined();
    expect(refusalOf('http://[fd00::5]/in', allowed)).toBeUndefined();
    expect(refusalOf('http://10.21.0.1/in', allowed)).toMatchObject({ reason: 'private-address', range: 'private' });
    expect(refusalOf('http://127.0.0.2/in', allowed)).toMatchObject({ reason: 'private-address', range: 'loopback' });
    expect(refusalOf('http://localhost/in', allowed)).toMatchObject({ reason: 'private-address', range: 'loopback' });
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
