import { describe, expect, it } from 'vitest';
import { canFileCases } from './can-file-cases.ts';

const department = (kind: string) => ({ id: `sh-huangpu-${kind}`, kind, name: kind });

describe('canFileCases', () => {
  it('lets service-hall users and admins file, and no one else', () => {
    expect(canFileCases({ roles: ['clerk'], department: department('service-hall') })).toBe(true);
    expect(canFileCases({ roles: ['admin'], department: department('government-service') })).toBe(true);
    expect(canFileCases({ roles: ['clerk'], department: department('market-regulation') })).toBe(false);
  });
});
