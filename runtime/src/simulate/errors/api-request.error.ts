import { SimulationError } from './simulation.error.ts';

/**
 * The Tongban API answered a request with an error status. `status` is the HTTP status,
 * `apiCode` the `error.code` of the body (e.g. `task-not-open`), when it had one.
 */
export class ApiRequestError extends SimulationError {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly apiCode: string | null,
    apiMessage: string,
  ) {
    super('api-request-failed', `${method} ${path} answered ${status}${apiCode ? ` ${apiCode}` : ''}: ${apiMessage}`, {
      method,
      path,
      status,
      apiCode,
    });
  }
}
