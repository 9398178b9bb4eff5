import { SimulationError } from './simulation.error.ts';

/** A request got no answer: the server is not running at `url`, the connection failed, or it timed out. */
export class ApiUnreachableError extends SimulationError {
  constructor(
    readonly method: string,
    readonly url: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super('api-unreachable', `${method} ${url} got no answer (${reason}); is Tongban running there (npx tongban start --virtual-clock)?`, {
      method,
      url,
    });
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
