import { EngineError } from './engine-error.ts';

/**
 * A `service.*` event names an invocation the case does not wait for in that way: an old
 * invocation, one of another node, a result for an invocation in incident, or a retry of one
 * still running.
 */
export class ServiceNotActiveError extends EngineError {
  readonly code = 'service-not-active';
  readonly serviceId: string;
  readonly nodeId: string;

  constructor(serviceId: string, nodeId: string, expected: 'running' | 'incident', current: { serviceId: string; status: string } | undefined) {
    const found = current === undefined ? `node '${nodeId}' runs no service` : `the invocation of node '${nodeId}' is '${current.serviceId}', ${current.status}`;
    super(`Service invocation '${serviceId}' is not ${expected}: ${found}`);
    this.serviceId = serviceId;
    this.nodeId = nodeId;
  }
}
