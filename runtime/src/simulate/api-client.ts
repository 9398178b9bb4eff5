import type { ApiLogin } from './api.types.ts';
import { createLimiter, type Limiter } from './concurrency-limit.ts';
import { ApiRequestError } from './errors/api-request.error.ts';
import { ApiUnreachableError } from './errors/api-unreachable.error.ts';

/** Who a request is made as: a signed-in user's bearer token, or the citizen portal's API key. */
export type Credentials = { token: string } | { apiKey: string };

/** Options of {@link ApiClient}. */
export interface ApiClientOptions {
  /** Where Tongban runs, e.g. `http://127.0.0.1:3000` (a trailing `/api/v1` is accepted). */
  baseUrl: string;
  /** Longest wait for one answer, ms. Default 30 000. */
  timeoutMs?: number;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** Attempts of a request that is safe to repeat (GET, or a POST with an `Idempotency-Key`). Default 3. */
  attempts?: number;
}

/** One request. */
export interface ApiRequest {
  as?: Credentials;
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the client's timeout, ms. */
  timeoutMs?: number;
}

/** What the client has done so far. */
export interface ApiClientStats {
  requests: number;
  /** Answers with status 409 (a task no longer open, a case not suspended). */
  conflicts: number;
  /** Requests repeated after a failure. */
  retries: number;
}

const API_PREFIX = '/api/v1';
const RETRY_BACKOFF_MS = 250;

/**
 * A small client of the Tongban HTTP API (DESIGN.md §7): JSON in and out, a timeout on every
 * request, at most `concurrency` requests in flight, and retries (with a short backoff) of
 * requests that are safe to repeat when no answer or a 5xx came back. Error answers become
 * {@link ApiRequestError}s carrying the status and the body's `error.code`; no answer becomes an
 * {@link ApiUnreachableError}.
 *
 * @example
 * ```ts
 * const api = new ApiClient({ baseUrl: 'http://127.0.0.1:3000' });
 * const { token } = await api.login('huangpu.intake', 'tongban123');
 * const inbox = await api.get('/tasks?limit=200', { as: { token } });
 * ```
 */
export class ApiClient {
  readonly stats: ApiClientStats = { requests: 0, conflicts: 0, retries: 0 };
  /** The server's root, without `/api/v1`. */
  readonly baseUrl: string;
  private readonly limit: Limiter;
  private readonly timeoutMs: number;
  private readonly attempts: number;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
    this.limit = createLimiter(options.concurrency ?? 8);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.attempts = Math.max(1, options.attempts ?? 3);
  }

  /** Signs in: `POST /auth/login`. */
  login(username: string, password: string): Promise<ApiLogin> {
    return this.post<ApiLogin>('/auth/login', { body: { username, password } });
  }

  /** `GET path` (path below `/api/v1`, with its query). */
  get<T>(path: string, request: ApiRequest = {}): Promise<T> {
    return this.send<T>('GET', path, request);
  }

  /** `POST path` with a JSON body. */
  post<T>(path: string, request: ApiRequest = {}): Promise<T> {
    return this.send<T>('POST', path, request);
  }

  /**
   * Sends one request and parses the JSON answer (undefined for 204).
   * @throws ApiRequestError for an error status; ApiUnreachableError when no answer came in time.
   */
  async send<T>(method: string, path: string, request: ApiRequest = {}): Promise<T> {
    const repeatable = method === 'GET' || request.headers?.['Idempotency-Key'] !== undefined;
    const attempts = repeatable ? this.attempts : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.limit(() => this.once<T>(method, path, request));
      } catch (error) {
        const transient = error instanceof ApiUnreachableError || (error instanceof ApiRequestError && error.status >= 500);
        if (!transient || attempt >= attempts) throw error;
        this.stats.retries += 1;
        await new Promise((resolve) => setTimeout(resolve, RETRY_BACKOFF_MS * attempt));
      }
    }
  }

  private async once<T>(method: string, path: string, request: ApiRequest): Promise<T> {
    const url = `${this.baseUrl}${API_PREFIX}${path}`;
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    if (request.as && 'token' in request.as) headers.Authorization = `Bearer ${request.as.token}`;
    if (request.as && 'apiKey' in request.as) headers['X-Api-Key'] = request.as.apiKey;
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    this.stats.requests += 1;
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const reason = timedOut ? `no answer within ${timeoutMs} ms` : describeFailure(error);
      throw new ApiUnreachableError(method, url, reason, { cause: error });
    }
    const body = parseJson(text);
    if (!response.ok) {
      if (response.status === 409) this.stats.conflicts += 1;
      const problem = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      throw new ApiRequestError(
        method,
        `${API_PREFIX}${path}`,
        response.status,
        typeof problem?.code === 'string' ? problem.code : null,
        typeof problem?.message === 'string' ? problem.message : text.slice(0, 200) || response.statusText,
      );
    }
    return body as T;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error.message;
}
