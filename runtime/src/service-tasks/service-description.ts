import type { ServiceHandler } from './service-handler.ts';

/** One parameter a service handler takes, as the designer's form shows it. */
export interface ServiceParamSpec {
  /** The key under `implementation.params`. */
  name: string;
  type: 'string' | 'number' | 'boolean';
  required: boolean;
  /** The value the handler uses when the parameter is absent. */
  default?: string | number | boolean;
  /** One sentence: what the parameter does. */
  description: string;
}

/** A registered service handler with what the designer needs to configure it. */
export interface RegisteredService {
  handler: ServiceHandler;
  /** One sentence: what the service does. */
  description: string;
  params: readonly ServiceParamSpec[];
}

/** A registered service as `GET /services` lists it. */
export interface ServiceDescription {
  name: string;
  description: string;
  params: ServiceParamSpec[];
}
