import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * True when `candidate` is one of `keys`. Compares SHA-256 digests in constant time, so neither
 * the content nor the length of a key leaks through timing.
 */
export function isKnownApiKey(candidate: string, keys: readonly string[]): boolean {
  const wanted = digest(candidate);
  let found = false;
  for (const key of keys) {
    if (timingSafeEqual(digest(key), wanted)) found = true;
  }
  return found;
}
