import type { MiddlewareHandler } from 'hono';
import { InvalidInputError } from '../../errors/index.ts';
import { InvalidJsonError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors/index.ts';
import { nestsDeeperThan } from './json-depth.ts';
import { loneSurrogatePath } from './lone-surrogate-path.ts';
import { nonFiniteNumberPath } from './non-finite-number-path.ts';
import { nulCharacterPath } from './nul-character-path.ts';

/** 1 MiB: the default limit of a request body. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/** The deepest nesting of arrays and objects a body may have; no Tongban input comes near it. */
const MAX_JSON_DEPTH = 64;

/** Options of {@link jsonBody}. */
export interface JsonBodyOptions {
  /** Largest body accepted, in bytes. */
  maxBytes?: number;
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Reads `body` up to `maxBytes`, counting the bytes that arrive whatever the request declares: a
 * chunked body or a non-numeric `Content-Length` cannot slip past the limit (pitfalls B35).
 *
 * @throws PayloadTooLargeError when more than `maxBytes` arrive.
 * @throws InvalidJsonError when the bytes are not UTF-8.
 */
async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidJsonError('the body is not UTF-8');
  }
}

/**
 * Accepts a JSON request body and nothing else, before any validator sees it (pitfalls B36a):
 *
 * - no `Content-Type`, or one that is not `application/json` (or `+json`) → 415
 *   `unsupported-media-type`;
 * - a body over `maxBytes` → 413 `payload-too-large`, checked on a numeric `Content-Length` first
 *   and always on the bytes that arrive;
 * - a body that does not parse → 400 `invalid-json`;
 * - arrays and objects nested more than 64 levels deep → 400 `invalid-json`;
 * - a string (value or key) holding U+0000, which PostgreSQL cannot store → 400 `invalid-input`
 *   naming its JSON path (`body.applicant.name`);
 * - a string (value or key) holding a lone UTF-16 surrogate (`"\udfff"`), which is no Unicode text
 *   and which PostgreSQL refuses in jsonb → 400 `invalid-input` naming its JSON path;
 * - a number past the double range (`1e309`, which `JSON.parse` reads as Infinity and a jsonb
 *   write would store as `null`) → 400 `invalid-input` naming its JSON path (`body.data.area`).
 *
 * The text read is left in Hono's body cache, so `c.req.json()` and the route's zod validator
 * read it from there.
 *
 * @param [options.maxBytes=1048576] - Largest body accepted, in bytes.
 * @example
 * ```ts
 * createRoute({ method: 'post', path: '/', middleware: [jsonBody()], request: { body } })
 * ```
 */

export const jsonBody = ({ maxBytes = DEFAULT_MAX_BODY_BYTES }: JsonBodyOptions = {}): MiddlewareHandler => {
  return async function jsonBody(c, next) {
    const contentType = c.req.header('content-type');
    const mediaType = contentType?.split(';')[0]?.trim() ?? '';
    if (contentType === undefined || !JSON_MEDIA_TYPE.test(mediaType)) {
      throw new UnsupportedMediaTypeError(contentType);
    }
    const declared = c.req.header('content-length');
    if (declared !== undefined && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
      throw new PayloadTooLargeError(maxBytes);
    }
    const text = await readLimited(c.req.raw.body, maxBytes);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new InvalidJsonError(text.trim() === '' ? 'the body is empty' : (error as Error).message);
    }
    if (nestsDeeperThan(parsed, MAX_JSON_DEPTH)) throw new InvalidJsonError(`the body nests more than ${MAX_JSON_DEPTH} levels deep`);
    const nulPath = nulCharacterPath(parsed);
    if (nulPath !== undefined) throw unstorable(nulPath, 'nul-character', 'must not contain the NUL character (U+0000)');
    const surrogatePath = loneSurrogatePath(parsed);
    if (surrogatePath !== undefined) {
      throw unstorable(surrogatePath, 'lone-surrogate', 'must be Unicode text: it holds a lone UTF-16 surrogate (\\ud800–\\udfff without its pair)');
    }
    const nonFinitePath = nonFiniteNumberPath(parsed);
    if (nonFinitePath !== undefined) {
      throw unstorable(nonFinitePath, 'non-finite-number', 'must be a finite number (this one lies past the range of a double, ±1.8e308)');
    }
    // Hono caches each body reading as a promise (HonoRequest#cachedBody), though its type names the value.
    c.req.bodyCache.text = Promise.resolve(text) as unknown as string;
    await next();
  };
};

/** The 400 `invalid-input` of a body value no store can hold, at `path` of the body. */
function unstorable(path: string, code: string, message: string): InvalidInputError {
  const field = path === '' ? 'body' : `body.${path}`;
  return new InvalidInputError('invalid-input', `Invalid ${field}: ${message}`, {
    field,
    reason: message,
    issues: [{ in: 'body', path, code, message }],
  });
}
