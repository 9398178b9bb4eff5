import type { Diagnostic, WorkflowDefinition } from '@tongban/engine';
import { apiRequest } from '../api/api-client.ts';
import type { Department, DefinitionVersion, Jurisdiction } from '../api/api.types.ts';

/** One workflow key as `GET /definitions` lists it: its latest version and every version, newest first. */
export interface PublishedWorkflow {
  key: string;
  version: number;
  name: string;
  publishedAt: string;
  versions: number[];
}

/** The answer of `POST /definitions`: the version published and the warnings it carries. */
export interface PublishResult {
  key: string;
  version: number;
  name: string;
  publishedAt: string;
  diagnostics: Diagnostic[];
}

/**
 * The Design screen's calls of the Tongban API (DESIGN.md §7) beyond the console's shared client:
 * organisation lists for the properties panel, definition versions and publishing. Validation runs
 * in the browser on the engine itself (the same `parseDefinition` + `validate` the API runs).
 */
export const designApi = {
  listDepartments: () => apiRequest<{ items: Department[] }>('/departments'),
  listJurisdictions: () => apiRequest<{ items: Jurisdiction[] }>('/jurisdictions'),
  listDefinitions: () => apiRequest<{ items: PublishedWorkflow[] }>('/definitions'),
  getVersion: (key: string, version: number) =>
    apiRequest<DefinitionVersion>(`/definitions/${encodeURIComponent(key)}/versions/${version}`),
  /** Publishes the next version of the definition's key; a 400 `ApiError` carries `details.diagnostics`. */
  publish: (definition: WorkflowDefinition) => apiRequest<PublishResult>('/definitions', { method: 'POST', body: definition }),
};

/** The diagnostics of a refused publish (`error.details.diagnostics`), or `[]`. */
export function diagnosticsOfRefusal(details: unknown): Diagnostic[] {
  const diagnostics = (details as { diagnostics?: unknown } | null | undefined)?.diagnostics;
  return Array.isArray(diagnostics) ? (diagnostics as Diagnostic[]) : [];
}
