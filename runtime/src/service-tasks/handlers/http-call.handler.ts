import { fetch, type Dispatcher } from 'undici';
import { addressRefusalOf, describeRefusals, readBodyWithin, type EgressPolicy } from '../../egress/index.ts';
import type { RegisteredService } from '../service-description.ts';
import { PermanentServiceError, type ServiceHandler } from '../service-handler.ts';

/** Default and largest time an `http-call` may take, milliseconds. */
export const HTTP_CALL_DEFAULT_TIMEOUT_MS = 10_000;
export const HTTP_CALL_MAX_TIMEOUT_MS = 120_000;
/** The largest answer body an `http-call` reads, bytes (1 MiB), counted after its content encoding is undone. */
export const HTTP_CALL_MAX_RESPONSE_BYTES = 1_048_576;

/** Bytes of a refused answer's body read for its excerpt (enough for its first 200 characters). */
const EXCERPT_BYTES = 800;

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Where `http-call` may go and how it gets there. */
export interface HttpCallOptions {
  /**
   * Where calls may go (`TONGBAN_SERVICE_ALLOWED_HOSTS`): the URL's host is checked before
   * anything is sent.
   */
  policy: EgressPolicy;
  /** The dispatcher calls go through: `createEgressDispatcher(policy)`, which checks every address a host name resolves to. */
  dispatcher: Dispatcher;
}

/**
 * `http-call`: calls an outside system over HTTP(S) with a timeout. It sends
 * `{ invocationId, caseId, nodeId, data }` as JSON (no body for `GET`), with the header
 * `Idempotency-Key: <invocationId>` so the system can deduplicate retries. A 2xx answer's JSON
 * object is merged into the case data (or put under `resultField`); an empty or non-JSON 2xx
 * answer adds nothing. Redirects are not followed.
 *
 * Params: `url` (required, `http:` or `https:`; a `{key}` in it is replaced by the case-data field
 * `key`, URL-encoded), `method` (default `POST`), `headers` (text values),
 * `fields` (the case-data fields to send; default all), `resultField`, `timeoutMs` (default 10 000,
 * at most 120 000).
 *
 * A process definition is untrusted, so the call reaches public addresses only (`options.policy`):
 * a URL whose host is a private, loopback or link-local address (cloud metadata, 169.254.169.254)
 * or `localhost`, or a host name that resolves only to such addresses when connecting, fails the
 * invocation at once (`http-address-refused`, naming the address and its range) without being
 * contacted. A 2xx answer is read as a stream up to {@link HTTP_CALL_MAX_RESPONSE_BYTES}; a longer
 * one is cut off and fails the invocation at once (`http-response-too-large`).
 *
 * A timeout, a network error, a 5xx, 408 or 429 fails the attempt (it is retried); any other 4xx
 * fails the invocation at once (`http-rejected`): the request itself is wrong.
 */
export function createHttpCallHandler(options: HttpCallOptions): ServiceHandler {
  return async (request) => {
    const { params, nodeId } = request;
    const url = urlOf(fillPlaceholders(params.url, request.data, nodeId), nodeId);
    const method = typeof params.method === 'string' ? params.method.toUpperCase() : 'POST';
    if (!METHODS.has(method)) invalid(`'method' of node '${nodeId}' is '${String(params.method)}'; use one of ${[...METHODS].join(', ')}`);
    const timeoutMs = timeoutOf(params.timeoutMs, nodeId);
    const headers = headersOf(params.headers, nodeId);
    const data = fieldsOf(params.fields, request.data, nodeId);
    const call = `${method} ${url.origin}${url.pathname}`;
    const refusedHost = options.policy.refusalOfHost(url.hostname);
    if (refusedHost !== undefined) refuse(call, `${refusedHost.address} is a ${refusedHost.range} address`);
    const failed = (error: unknown): never => {
      const refused = addressRefusalOf(error);
      if (refused !== undefined) refuse(call, `'${refused.hostname}' resolves to ${describeRefusals(refused.refusals)}`);
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new Error(timedOut ? `${call} took longer than ${timeoutMs} ms` : `${call} failed: ${String((error as Error)?.cause ?? error)}`);
    };
    const response = await fetch(url, {
      method,
      headers: { accept: 'application/json', 'idempotency-key': request.invocationId, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(method === 'GET' ? {} : { body: JSON.stringify({ invocationId: request.invocationId, caseId: request.caseId, nodeId, data }) }),
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]),
      redirect: 'error',
      dispatcher: options.dispatcher,
    }).catch(failed);
    if (!response.ok) {
      const { text } = await readBodyWithin(response, EXCERPT_BYTES).catch(failed);
      const summary = `${call} answered ${response.status}: ${text.slice(0, 200)}`;
      if (response.status >= 500 || response.status === 408 || response.status === 429) throw new Error(summary);
      throw new PermanentServiceError('http-rejected', summary);
    }
    const { text, cut } = await readBodyWithin(response, HTTP_CALL_MAX_RESPONSE_BYTES).catch(failed);
    if (cut) {
      throw new PermanentServiceError('http-response-too-large', `${call} answered more than ${HTTP_CALL_MAX_RESPONSE_BYTES} bytes (1 MiB), the most http-call reads; the rest was not read`);
    }
    const body = parseObject(text);
    if (body === undefined) return { data: {} };
    const resultField = params.resultField;
    if (resultField === undefined) return { data: body };
    if (typeof resultField !== 'string' || resultField === '') invalid(`'resultField' of node '${nodeId}' must be non-empty text`);
    return { data: { [resultField]: body } };
  };
}

/** Fails the invocation: the address policy refuses where `call` goes, for `why`. */
function refuse(call: string, why: string): never {
  throw new PermanentServiceError(
    'http-address-refused',
    `${call} refused: ${why}; http-call reaches public addresses only, and the private hosts the operator allows in TONGBAN_SERVICE_ALLOWED_HOSTS`,
  );
}

function invalid(message: string): never {
  throw new PermanentServiceError('invalid-service-params', `Service 'http-call': ${message}`);
}

/** `template` with each `{key}` replaced by the URL-encoded case-data field `key`. */
function fillPlaceholders(template: unknown, data: Readonly<Record<string, unknown>>, nodeId: string): unknown {
  if (typeof template !== 'string') return template;
  return template.replace(/\{([A-Za-z][A-Za-z0-9_-]*)\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined || value === null || typeof value === 'object') {
      throw new PermanentServiceError('case-data-missing', `Service 'http-call' of node '${nodeId}' fills '{${key}}' of its URL from case data, which has no such value`);
    }
    return encodeURIComponent(String(value));
  });
}

function urlOf(value: unknown, nodeId: string): URL {
  if (typeof value !== 'string') invalid(`node '${nodeId}' names no 'url'`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    invalid(`'url' of node '${nodeId}' is not a URL: '${value}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') invalid(`'url' of node '${nodeId}' must be http: or https:, not '${url.protocol}'`);
  return url;
}

function timeoutOf(value: unknown, nodeId: string): number {
  if (value === undefined) return HTTP_CALL_DEFAULT_TIMEOUT_MS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > HTTP_CALL_MAX_TIMEOUT_MS) {
    invalid(`'timeoutMs' of node '${nodeId}' must be an integer from 1 to ${HTTP_CALL_MAX_TIMEOUT_MS}`);
  }
  return value;
}

function headersOf(value: unknown, nodeId: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    invalid(`'headers' of node '${nodeId}' must map header names to text`);
  }
  return value as Record<string, string>;
}

function fieldsOf(value: unknown, data: Readonly<Record<string, unknown>>, nodeId: string): Record<string, unknown> {
  if (value === undefined) return { ...data };
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) invalid(`'fields' of node '${nodeId}' must list case-data fields`);
  return Object.fromEntries(value.filter((key) => key in data).map((key) => [key, data[key]]));
}

function parseObject(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `http-call` with the parameters a definition can give it as text, numbers or yes/no (`headers`
 * and `fields` are lists a host sets up in code), going where `options` let it.
 */
export function createHttpCallService(options: HttpCallOptions): RegisteredService {
  return {
    handler: createHttpCallHandler(options),
    description: 'Calls an outside system over HTTP(S) and merges its JSON answer into the case data',
    params: [
      {
        name: 'url',
        type: 'string',
        required: true,
        description: 'The http:// or https:// address, public unless the operator allows the host; {key} is replaced by the case-data field key',
      },
      { name: 'method', type: 'string', required: false, default: 'POST', description: 'GET, POST, PUT, PATCH or DELETE' },
      { name: 'resultField', type: 'string', required: false, description: 'Where the answer (at most 1 MiB) goes; absent: merged into the case data' },
      { name: 'timeoutMs', type: 'number', required: false, default: HTTP_CALL_DEFAULT_TIMEOUT_MS, description: `How long to wait, in milliseconds (at most ${HTTP_CALL_MAX_TIMEOUT_MS})` },
    ],
  };
}
