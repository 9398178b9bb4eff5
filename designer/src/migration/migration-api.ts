import { apiRequest } from '../api/api-client.ts';

/** What a migration does to one open task or waiting activity (`POST /definitions/{key}/migrations[/dry-run]`). */
export interface TaskMigration {
  nodeId: string;
  nodeType: string;
  activationId: string;
  targetNodeId: string;
  targetActivationId: string;
  action: 'kept' | 'mapped' | 'refused';
  reason?: string;
  taskId: string | null;
  targetDepartmentId?: string;
}

/** What a migration does to one live timer. */
export interface TimerMigration {
  timerId: string | null;
  kind: string;
  taskId: string | null;
  action: 'kept' | 'recounted' | 'cancelled' | 'armed';
  dueAt: string | null;
  targetDueAt: string | null;
}

/** One case of a migration report. */
export interface CaseMigrationResult {
  caseId: string;
  status: 'ready' | 'migrated' | 'refused';
  reason?: string;
  tasks: TaskMigration[];
  timers: TimerMigration[];
}

/** The answer of a dry run or an apply. */
export interface MigrationReport {
  key: string;
  sourceVersion: number;
  targetVersion: number;
  dryRun: boolean;
  cases: CaseMigrationResult[];
}

/** A migration request: the versions, the mapping, and the cases (absent: every running case). */
export interface MigrationRequest {
  sourceVersion: number;
  targetVersion: number;
  mapping: Record<string, string>;
  caseIds?: string[];
}

/** The migration calls of the Tongban API. */
export const migrationApi = {
  dryRun: (key: string, request: MigrationRequest) =>
    apiRequest<MigrationReport>(`/definitions/${encodeURIComponent(key)}/migrations/dry-run`, { method: 'POST', body: request }),
  apply: (key: string, request: MigrationRequest) =>
    apiRequest<MigrationReport>(`/definitions/${encodeURIComponent(key)}/migrations`, { method: 'POST', body: request }),
};
