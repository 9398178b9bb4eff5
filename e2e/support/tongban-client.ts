import type { SystemUnderTest } from './system-under-test.ts';

/** Password of every seeded demo user. */
export const demoPassword = 'tongban123';

/** A case as `POST /cases` and the case detail return it (the fields the suite reads). */
export interface CaseRecord {
  id: string;
  /** The number a person reads, e.g. `SH-2026-000123`. */
  caseNumber: string;
  definitionKey: string;
  definitionVersion: number;
  jurisdictionId: string;
  data: Record<string, unknown>;
  status: string;
  result: string | null;
  slaState: string;
}

/** A task as the API returns it (the fields the suite reads). */
export interface TaskRecord {
  id: string;
  caseId: string;
  nodeId: string;
  name: string;
  departmentId: string;
  status: string;
  assigneeId: string | null;
  outcome: string | null;
  comment: string | null;
  closeReason: string | null;
  dueAt: string | null;
  slaState: string;
}

/** `GET /cases/{id}`. */
export interface CaseDetail {
  case: CaseRecord;
  tasks: TaskRecord[];
  timeline: { type: string; taskId: string | null; payload: Record<string, unknown> }[];
  activeNodes: string[];
}

/** What the citizen portal sends to `POST /cases`. */
export interface Application {
  definitionKey: string;
  jurisdiction: string;
  applicant: Record<string, unknown>;
  data: Record<string, unknown>;
}

/** A clerk's decision, as `POST /tasks/{id}/complete` takes it. */
export interface Decision {
  outcome: string;
  data?: Record<string, unknown>;
  comment?: string;
  returnTo?: string;
}

/** One answer of the API. */
export interface ApiAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** Thrown when the API answers with a status the caller did not expect; quotes the call and the body. */
export class ApiCallError extends Error {
  readonly code = 'api-call-failed';

  constructor(
    readonly call: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${call} answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'ApiCallError';
  }
}

/** Who makes a call: a demo user (signed in once, token reused), the intake API key, or nobody. */
export type Caller = { user: string } | { apiKey: true } | { anonymous: true };

/** Options of {@link TongbanClient.call}. */
export interface CallOptions {
  as: Caller;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses that count as success. Default: any 2xx. */
  expect?: readonly number[];
}

/**
 * The HTTP API of the system under test, for the steps a test does not do in the browser
 * (filing a case the way the citizen portal does, moving a case to the step under test, moving
 * the virtual clock) and for checking what the browser did.
 */
export class TongbanClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly system: SystemUnderTest) {}

  /** A bearer token of demo user `username`, signing in on first use. */
  token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (token === undefined) {
      token = this.call<{ token: string }>('POST', '/auth/login', {
        as: { anonymous: true },
        body: { username, password: demoPassword },
      }).then((answer) => answer.body.token);
      this.tokens.set(username, token);
    }
    return token;
  }

  /** Calls `method` `/api/v1${path}` and parses the JSON answer. */
  async call<T>(method: string, path: string, options: CallOptions): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if ('user' in options.as) headers.authorization = `Bearer ${await this.token(options.as.user)}`;
    if ('apiKey' in options.as) headers['x-api-key'] = this.system.intakeApiKey;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.system.url}/api/v1${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    const body = (text === '' ? null : JSON.parse(text)) as T;
    const ok = options.expect === undefined ? response.status >= 200 && response.status < 300 : options.expect.includes(response.status);
    if (!ok) throw new ApiCallError(`${method} ${path}`, response.status, body);
    return { status: response.status, body, headers: response.headers };
  }

  /** Files `application` as the citizen portal does: intake API key and an `Idempotency-Key`. */
  fileCase(application: Application, idempotencyKey: string): Promise<ApiAnswer<CaseRecord>> {
    return this.call<CaseRecord>('POST', '/cases', {
      as: { apiKey: true },
      headers: { 'idempotency-key': idempotencyKey },
      body: application,
      expect: [200, 201],
    });
  }

  /** `GET /cases/{id}` as `username`. */
  async caseDetail(username: string, caseId: string): Promise<CaseDetail> {
    return (await this.call<CaseDetail>('GET', `/cases/${encodeURIComponent(caseId)}`, { as: { user: username } })).body;
  }

  /** The open or claimed inbox task of `username` on node `nodeId` of case `caseId`. */
  async openTask(username: string, caseId: string, nodeId: string): Promise<TaskRecord> {
    const { body } = await this.call<{ items: (TaskRecord & { case: { id: string } })[] }>('GET', '/tasks?limit=200', { as: { user: username } });
    const task = body.items.find((item) => item.caseId === caseId && item.nodeId === nodeId);
    if (task === undefined) {
      throw new ApiCallError(`GET /tasks as ${username}`, 200, `no open task on '${nodeId}' of case '${caseId}' in the inbox`);
    }
    return task;
  }

  /** Decides the open task on `nodeId` of case `caseId` as `username`; returns the tasks the step opened. */
  async decide(username: string, caseId: string, nodeId: string, decision: Decision): Promise<TaskRecord[]> {
    const task = await this.openTask(username, caseId, nodeId);
    const { body } = await this.call<{ nextTasks: TaskRecord[] }>('POST', `/tasks/${encodeURIComponent(task.id)}/complete`, {
      as: { user: username },
      body: { data: {}, ...decision },
    });
    return body.nextTasks;
  }

  /**
   * Moves the virtual clock by `amount` `unit` (e.g. 6 `workingDay`) as the demo `admin`, the only
   * role that may move it; returns the new instant and what fired.
   */
  async advanceClock(amount: number, unit: string): Promise<{ now: string; fired: { kind: string; caseId: string; taskId: string | null }[] }> {
    const { body } = await this.call<{ now: string; fired: { kind: string; caseId: string; taskId: string | null }[] }>('POST', '/clock/advance', {
      as: { user: 'admin' },
      body: { by: { amount, unit } },
    });
    return body;
  }
}
