/** One attempt of one invocation of a serviceTask, as its handler receives it. */
export interface ServiceRequest {
  /**
   * The invocation: the same on every attempt, so an outside system can deduplicate on it (the
   * `http-call` handler sends it as `Idempotency-Key`).
   */
  invocationId: string;
  /** 1 for the first attempt, one more for each retry. */
  attempt: number;
  caseId: string;
  /** The serviceTask node. */
  nodeId: string;
  /** The name the handler is registered under. */
  service: string;
  /** The node's parameters for the service, as the definition states them. */
  params: Readonly<Record<string, unknown>>;
  /** The case data when the attempt started. */
  data: Readonly<Record<string, unknown>>;
  /** The instant of the runtime's clock when the attempt started. */
  now: Date;
  /** Aborted when the attempt runs out of time; a handler that calls out should pass it on. */
  signal: AbortSignal;
}

/** What a handler answers: data merged into the case data, and handed to the step with the completion. */
export interface ServiceResult {
  data: Record<string, unknown>;
}

/**
 * A service a serviceTask can call, registered by name. It may run more than once for one
 * invocation (a worker that dies mid-attempt, a retry after a timeout), so it must be idempotent:
 * the same invocation yields the same effect outside and the same result. A thrown error fails the
 * attempt (retried per the node's `retry`); a {@link PermanentServiceError} fails the invocation
 * at once, opening an incident.
 */
export type ServiceHandler = (request: ServiceRequest) => Promise<ServiceResult>;

/**
 * A failure no retry can mend (a parameter the definition lacks, a field the case data lacks):
 * the invocation fails at once and an incident opens. `code` is stable and kebab-case.
 */
export class PermanentServiceError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'PermanentServiceError';
    this.code = code;
  }
}
