import { createHash } from 'node:crypto';
import type { Viewer } from '../organisation/viewer.ts';

/** The parts of an application that make it the same application. */
export interface IdempotentApplication {
  definitionKey: string;
  jurisdiction: string;
  applicant: Record<string, unknown>;
  data: Record<string, unknown>;
}

/** Who an idempotency key belongs to: `user:<id>` or `apiKey:<id>`, so different callers never collide. */
export function idempotencyScopeOf(viewer: Viewer): string {
  return viewer.kind === 'apiKey' ? `apiKey:${viewer.apiKeyId ?? 'unknown'}` : `user:${viewer.userId ?? viewer.username ?? 'unknown'}`;
}

/** SHA-256 (hex) of the canonical JSON (keys sorted at every level) of the application. */
export function applicationFingerprint(application: IdempotentApplication): string {
  const { definitionKey, jurisdiction, applicant, data } = application;
  return createHash('sha256').update(canonicalJson({ definitionKey, jurisdiction, applicant, data })).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
