import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

/**
 * scrypt cost parameters: N = 2^14, r = 8, p = 1, the minimum OWASP's Password Storage Cheat Sheet
 * lists for scrypt (2^17 there is the stronger setting; 2^14 keeps seeding and logins fast).
 */
const defaultCost = { N: 16_384, r: 8, p: 1 } as const;
const keyLength = 32;
const saltLength = 16;

function scrypt(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keyLength, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/**
 * Hashes a password with Node's `crypto.scrypt` and a random 16-byte salt.
 * @returns `scrypt$N$r$p$salt$hash`, salt and hash in base64.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await scrypt(password, salt, defaultCost);
  return ['scrypt', defaultCost.N, defaultCost.r, defaultCost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Checks `password` against a hash made by {@link hashPassword}, in constant time.
 * @returns false for a wrong password or a malformed hash.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map((part) => Number.parseInt(part, 10));
  if (N === undefined || r === undefined || p === undefined || ![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) {
    return false;
  }
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (expected.length === 0) return false;
  const actual = await scrypt(password, salt, { N, r, p }).catch(() => undefined);
  return actual !== undefined && actual.length === expected.length && timingSafeEqual(actual, expected);
}
