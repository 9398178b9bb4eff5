import type { PublishedWorkflow, RegisteredService } from '../design-api.ts';
import type { DefinitionChange } from '../model/definition-change.ts';

/**
 * How the properties panel reports an edit: the changes, and a coalescing key naming the field
 * (`node:review:name`), so typing into one field is one undo step.
 */
export type PropertyChangeHandler = (changes: DefinitionChange[], coalesceKey: string) => void;

/** A department kind the panel offers, with its name in the designer's language. */
export interface DepartmentKindOption {
  kind: string;
  label: string;
}

/** What the runtime offers the element editors: roles, registered services, published workflows. */
export interface ElementCatalog {
  /** Roles a user can hold (`GET /roles`). */
  roles: readonly string[];
  /** Registered service handlers with their parameters (`GET /services`); undefined until loaded. */
  services: readonly RegisteredService[] | undefined;
  /** Published workflows a callActivity can call (`GET /definitions`). */
  workflows: readonly PublishedWorkflow[];
}
