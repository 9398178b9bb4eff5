import type { WorkflowDefinition } from '../definition/definition.schema.ts';
import type { MachineConfigJson } from '../compile/machine-config.types.ts';
import type { PersistedCaseSnapshot } from '../step/step.types.ts';

/** Where running cases move: source node id → target node id. An active node left out keeps its id. */
export type NodeMapping = Readonly<Record<string, string>>;

/** A published version a case runs on or moves to: its definition and compiled machine. */
export interface MigrationVersion {
  definition: WorkflowDefinition;
  machine: MachineConfigJson;
}

/**
 * Why an active node (or the whole case) cannot move:
 * - `case-not-running`: the case has ended;
 * - `case-suspended`: the case waits on a 补正 or an uncounted period (its clocks are paused);
 * - `target-missing`: the node it maps to (or its own id) is not a node of the target version;
 * - `type-mismatch`: the target node is of another type (a userTask only to a userTask, …);
 * - `countersign-changed`: a countersignature (会签) moves only to itself, still a countersignature;
 * - `activity-remapped`: a running service task or call activity moves only to itself;
 * - `duplicate-target`: two active nodes map to one target node;
 * - `parallel-branch-unmapped`: the target node lies in a parallel branch whose other branches
 *   would have neither an active node nor a finished branch to stand in.
 */
export type MigrationRefusalReason =
  | 'case-not-running'
  | 'case-suspended'
  | 'target-missing'
  | 'type-mismatch'
  | 'countersign-changed'
  | 'activity-remapped'
  | 'duplicate-target'
  | 'parallel-branch-unmapped';

/**
 * What happens to one active node of a case: `kept` (same node id, nothing changes), `mapped` (it
 * continues as the target node, under a new activation id), or `refused` with the reason.
 */
export interface ActiveNodeMigration {
  nodeId: string;
  nodeType: 'userTask' | 'serviceTask' | 'timerEvent' | 'callActivity';
  /** The open task or waiting activation (`review#2`, `review#1.3` for a countersignature instance). */
  activationId: string;
  targetNodeId: string;
  /** Its id once moved: the same when kept, `check#1` when mapped. */
  targetActivationId: string;
  action: 'kept' | 'mapped' | 'refused';
  reason?: MigrationRefusalReason;
}

/**
 * What happens to a timer the engine holds (an acceptance deadline, a timer event): `kept` with its
 * due date, `recounted` from its start with the target's duration, or `cancelled` (the target node
 * has none).
 */
export interface EngineTimerMigration {
  timerId: string;
  targetTimerId: string | null;
  nodeId: string;
  targetNodeId: string;
  action: 'kept' | 'recounted' | 'cancelled';
  /** The duration it runs for on the target version, when kept or recounted. */
  duration?: { amount: number; unit: string };
}

/** The plan for one case: refused as a whole (`refusal`), or the snapshot it continues with. */
export interface CaseMigrationPlan {
  /** Set when the case cannot move; then `snapshot` is absent. */
  refusal?: MigrationRefusalReason;
  nodes: ActiveNodeMigration[];
  timers: EngineTimerMigration[];
  /** The case's snapshot on the target machine, when every active node can move. */
  snapshot?: PersistedCaseSnapshot;
}
