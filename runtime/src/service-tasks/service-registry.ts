import { createHttpCallService, type HttpCallOptions } from './handlers/http-call.handler.ts';
import { issueELicenceService } from './handlers/issue-e-licence.handler.ts';
import { verifyBusinessLicenceService } from './handlers/verify-business-licence.handler.ts';
import type { RegisteredService, ServiceDescription } from './service-description.ts';
import type { ServiceHandler } from './service-handler.ts';

/**
 * The handlers Tongban ships, by the name a serviceTask names, with their parameters; `http-call`
 * goes where `http` lets it.
 */
export function builtInServices(http: HttpCallOptions): Record<string, RegisteredService> {
  return {
    'verify-business-licence': verifyBusinessLicenceService,
    'issue-e-licence': issueELicenceService,
    'http-call': createHttpCallService(http),
  };
}

/**
 * Service handlers by name: the built-in ones ({@link builtInServices}) and those a deployment
 * adds or replaces. A deployment's handler given bare (a function) is listed without parameters.
 */
export class ServiceRegistry {
  private readonly services: Map<string, RegisteredService>;

  constructor(builtIn: Readonly<Record<string, RegisteredService>>, extra: Readonly<Record<string, ServiceHandler | RegisteredService>> = {}) {
    const added = Object.entries(extra).map(([name, entry]): [string, RegisteredService] => [
      name,
      typeof entry === 'function' ? { handler: entry, description: '', params: [] } : entry,
    ]);
    this.services = new Map([...Object.entries(builtIn), ...added]);
  }

  /** The handler registered as `name`, or undefined. */
  get(name: string): ServiceHandler | undefined {
    return this.services.get(name)?.handler;
  }

  /** The registered names, sorted. */
  names(): string[] {
    return [...this.services.keys()].sort();
  }

  /** Every registered service with its description and parameters, by name. */
  describe(): ServiceDescription[] {
    return this.names().map((name) => {
      const service = this.services.get(name) as RegisteredService;
      return { name, description: service.description, params: service.params.map((param) => ({ ...param })) };
    });
  }
}
