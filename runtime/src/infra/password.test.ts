import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('hashPassword', () => {
  it('writes scrypt$N$r$p$salt$hash with a fresh salt each time', async () => {
    const first = await hashPassword('tongban123');
    const second = await hashPassword('tongban123');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
  });
});

describe('verifyPassword', () => {
  it('accepts the password that was hashed and rejects any other', async () => {
    const stored = await hashPassword('tongban123');
    expect(await verifyPassword('tongban123', stored)).toBe(true);
    expect(await verifyPassword('tongban124', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats the NFC and NFD spellings of one password as the same', async () => {
    const stored = await hashPassword('caf\u00e9');
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('rejects malformed hashes instead of throwing', async () => {
    for (const stored of ['', 'bcrypt$x', 'scrypt$0$8$1$c2FsdA==$aGFzaA==', 'scrypt$16384$8$1$c2FsdA==$', 'scrypt$abc$8$1$a$b']) {
      expect(await verifyPassword('tongban123', stored)).toBe(false);
    }
  });
});
