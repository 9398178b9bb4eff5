import type { Diagnostic, WorkflowDefinition } from '@tongban/engine';
import { apiRequest } from '../api/api-client.ts';
import type { Department, DefinitionVersion, Jurisdiction } from '../api/api.types.ts';

/** One published version as `GET /definitions/{key}/versions` lists it. */
export interface VersionSummary {
  key: string;
  version: number;
  name: string;
  publishedAt: string;
  publishedBy: string | null;
  changeNote: string | null;
}

/** One workflow key as `GET /definitions` lists it: its latest version and every version, newest first. */
export interface PublishedWorkflow extends VersionSummary {
  versions: number[];
}

/** One parameter of a registered service, as `GET /services` describes it. */
export interface ServiceParam {
  name: string;
  type: 'string' | 'number' | 'boolean';
  required: boolean;
  default?: string | number | boolean;
  description: string;
}

/** A service handler the runtime has registered (`GET /services`). */
export interface RegisteredService {
  name: string;
  description: string;
  params: ServiceParam[];
}

/** What a publish says beside the definition (`POST /definitions`). */
export interface PublishMeta {
  /** The version the drawing started from; `null` for a new key. */
  baseVersion: number | null;
  changeNote?: string;
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
 * organisation lists and registered services for the properties panel, definition versions and publishing. Validation runs
 * in the browser on the engine itself (the same `parseDefinition` + `validate` the API runs).
 */
export const designApi = {
  listDepartments: () => apiRequest<{ items: Department[] }>('/departments'),
  listJurisdictions: () => apiRequest<{ items: Jurisdiction[] }>('/jurisdictions'),
  listRoles: () => apiRequest<{ items: string[] }>('/roles'),
  listServices: () => apiRequest<{ items: RegisteredService[] }>('/services'),
  listDefinitions: () => apiRequest<{ items: PublishedWorkflow[] }>('/definitions'),
  getVersion: (key: string, version: number) =>
    apiRequest<DefinitionVersion>(`/definitions/${encodeURIComponent(key)}/versions/${version}`),
  listVersions: (key: string) => apiRequest<{ items: VersionSummary[] }>(`/definitions/${encodeURIComponent(key)}/versions`),
  /**
   * Publishes the next version of the definition's key on top of `meta.baseVersion`; a 400
   * `ApiError` carries `details.diagnostics`, a 409 `version-conflict` names the latest version.
   */
  publish: (definition: WorkflowDefinition, meta: PublishMeta) =>
    apiRequest<PublishResult>('/definitions', { method: 'POST', body: { ...definition, ...meta } }),
};

/** The diagnostics of a refused publish (`error.details.diagnostics`), or `[]`. */
export function diagnosticsOfRefusal(details: unknown): Diagnostic[] {
  const diagnostics = (details as { diagnostics?: unknown } | null | undefined)?.diagnostics;
  return Array.isArray(diagnostics) ? (diagnostics as Diagnostic[]) : [];
}
