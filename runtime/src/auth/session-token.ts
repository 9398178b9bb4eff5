import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token and the only thing stored of it. */
export interface SessionToken {
  /** 32 random bytes, base64url: handed to the client once, never stored. */
  token: string;
  /** SHA-256 of `token`, hex: the `sessions.token_hash` key. */
  tokenHash: string;
}

/** SHA-256 of a bearer token, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Draws a new opaque bearer token from the system's cryptographic random source. */
export function newSessionToken(): SessionToken {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}
