import { describe, expect, it } from 'vitest';
import { InvalidAllowedHostError, EgressPolicy } from './egress-policy.ts';

describe('EgressPolicy', () => {
  it('lets global unicast addresses through and refuses the special ranges, IPv4-mapped addresses as the IPv4 they carry', () => {
    const policy = EgressPolicy.allowing([]);
    expect(policy.refusalOfAddress('202.96.209.5')).toBeUndefined();
    expect(policy.refusalOfAddress('2400:3200::1')).toBeUndefined();
    expect(policy.refusalOfAddress('::ffff:10.0.0.1')).toEqual({ address: '10.0.0.1', range: 'private' });
    expect(policy.refusalOfAddress('fe80::1%eth0')).toMatchObject({ range: 'linkLocal' });
    expect(policy.refusalOfAddress('169.254.169.254')).toEqual({ address: '169.254.169.254', range: 'linkLocal' });
  });

  it('reads host names, addresses and CIDR ranges, ignoring case and blanks around them', () => {
    const policy = EgressPolicy.allowing([' Hooks.City.Internal ', '192.168.7.9', '10.0.0.0/8', 'FD00::/8', '[fe80::7]']);
    expect(policy.allowsHost('hooks.city.internal')).toBe(true);
    expect(policy.allowsHost('hooks.city.internal.')).toBe(true);
    expect(policy.allowsHost('other.city.internal')).toBe(false);
    expect(policy.refusalOfAddress('192.168.7.9')).toBeUndefined();
    expect(policy.refusalOfAddress('192.168.7.10')).toMatchObject({ range: 'private' });
    expect(policy.refusalOfAddress('10.200.1.1')).toBeUndefined();
    expect(policy.refusalOfAddress('::ffff:10.200.1.1')).toBeUndefined();
    expect(policy.refusalOfAddress('fd12::1')).toBeUndefined();
    expect(policy.refusalOfHost('[fe80::7]')).toBeUndefined();
  });

  it('refuses an entry that is no host name, address or range, naming it', () => {
    for (const entry of ['10.0.0.0/33', 'http://hooks.internal', 'hooks.internal:8080', 'two words', '', '2130706433']) {
      expect(() => EgressPolicy.allowing([entry]), entry).toThrow(InvalidAllowedHostError);
    }
    expect(() => EgressPolicy.allowing(['10.0.0.0/33'])).toThrow(/'10\.0\.0\.0\/33' is neither a host name/);
  });
});
