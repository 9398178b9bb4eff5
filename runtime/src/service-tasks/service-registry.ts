import { httpCallService } from './handlers/http-call.handler.ts';
import { issueELicenceService } from './handlers/issue-e-licence.handler.ts';
import { verifyBusinessLicenceService } from './handlers/verify-business-licence.handler.ts';
import type { RegisteredService, ServiceDescription } from './service-description.ts';
import type { ServiceHandler } from './service-handler.ts';

/** The handlers Tongban ships, by the name a serviceTask names, with their parameters. */
export const BUILT_IN_SERVICES: Readonly<Record<string, RegisteredService>> = {
  'verify-business-licence': verifyBusinessLicenceService,
  'issue-e-licence': issueELicenceService,
  'http-call': httpCallService,
};

/**
 * Service handlers by name: the built-in ones and those a deployment adds or replaces. A
 * deployment's handler given bare (a function) is listed without parameters.
 */
export class ServiceRegistry {
  private readonly services: Map<string, RegisteredService>;

  constructor(extra: Readonly<Record<string, ServiceHandler | RegisteredService>> = {}) {
    const added = Object.entries(extra).map(([name, entry]): [string, RegisteredService] => [
      name,
      typeof entry === 'function' ? { handler: entry, description: '', params: [] } : entry,
    ]);
    this.services = new Map([...Object.entries(BUILT_IN_SERVICES), ...added]);
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
