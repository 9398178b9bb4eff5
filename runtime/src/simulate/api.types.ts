/**
 * The parts of the Tongban API's answers (DESIGN.md §7, `/api/openapi.json`) the simulation reads.
 * Instants are ISO 8601 strings, as they travel.
 * @module
 */

/** `POST /auth/login`. */
export interface ApiLogin {
  token: string;
  user: { id: string; username: string; roles: string[] };
}

/** A case (`Case` in the OpenAPI document). */
export interface ApiCase {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  jurisdictionId: string;
  status: 'active' | 'suspended' | 'completed';
  result: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  acceptedAt: string | null;
  completedAt: string | null;
  slaState: string;
}

/** A task (`Task`). */
export interface ApiTask {
  id: string;
  caseId: string;
  activationId: string;
  nodeId: string;
  name: string;
  departmentId: string;
  candidateRole: string;
  status: 'open' | 'claimed' | 'completed' | 'closed';
  outcome: string | null;
  closeReason: string | null;
  createdAt: string;
  completedAt: string | null;
  dueAt: string | null;
  slaState: string;
  escalatedAt: string | null;
}

/** An inbox entry (`InboxItem`). */
export interface ApiInboxItem extends ApiTask {
  case: { id: string; definitionKey: string; jurisdictionId: string; status: ApiCase['status'] };
}

/** One event of a case's timeline (`CaseEvent`). */
export interface ApiCaseEvent {
  type: string;
  taskId: string | null;
  at: string;
  payload: Record<string, unknown>;
}

/** `GET /cases/{id}` (`CaseDetail`). */
export interface ApiCaseDetail {
  case: ApiCase;
  tasks: ApiTask[];
  timeline: ApiCaseEvent[];
  activeNodes: string[];
}

/** A list page. */
export interface ApiPage<T> {
  items: T[];
  total: number;
}

/** `POST /tasks/{id}/complete` (`Completion`). */
export interface ApiCompletion {
  task: ApiTask;
  case: ApiCase;
  nextTasks: ApiTask[];
}

/** An escalation notice (`Escalation`). */
export interface ApiEscalation {
  id: number;
  kind: string;
  jurisdictionId: string | null;
  departmentId: string | null;
  caseId: string | null;
  taskId: string | null;
  createdAt: string;
}

/** `GET /definitions/{key}/versions/{version}`. */
export interface ApiDefinitionVersion {
  key: string;
  version: number;
  name: string;
  definition: unknown;
}

/** `GET /jurisdictions` items. */
export interface ApiJurisdiction {
  id: string;
  name: string;
  level: 'city' | 'district' | 'subDistrict';
  parentId: string | null;
}

/** `GET /departments` items. */
export interface ApiDepartment {
  id: string;
  jurisdictionId: string;
  kind: string;
  name: string;
}

/** `GET /clock`. */
export interface ApiClock {
  now: string;
  virtual: boolean;
}

/** `POST /clock/advance`. */
export interface ApiClockAdvance {
  now: string;
  fired: { id: string; kind: string; caseId: string; taskId: string | null; dueAt: string | null }[];
}
