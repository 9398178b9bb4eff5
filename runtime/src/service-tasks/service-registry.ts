import { httpCallHandler } from './handlers/http-call.handler.ts';
import { issueELicenceHandler } from './handlers/issue-e-licence.handler.ts';
import { verifyBusinessLicenceHandler } from './handlers/verify-business-licence.handler.ts';
import type { ServiceHandler } from './service-handler.ts';

/** The handlers Tongban ships, by the name a serviceTask names. */
export const BUILT_IN_SERVICES: Readonly<Record<string, ServiceHandler>> = {
  'verify-business-licence': verifyBusinessLicenceHandler,
  'issue-e-licence': issueELicenceHandler,
  'http-call': httpCallHandler,
};

/** Service handlers by name: the built-in ones and those a deployment adds or replaces. */
export class ServiceRegistry {
  private readonly handlers: Map<string, ServiceHandler>;

  constructor(extra: Readonly<Record<string, ServiceHandler>> = {}) {
    this.handlers = new Map(Object.entries({ ...BUILT_IN_SERVICES, ...extra }));
  }

  /** The handler registered as `name`, or undefined. */
  get(name: string): ServiceHandler | undefined {
    return this.handlers.get(name);
  }

  /** The registered names, sorted. */
  names(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
