import type { WorkflowDefinition } from '@tongban/engine';
import type { SlaState } from '../api/api.types.ts';
import { useServerClock } from '../api/clock-queries.ts';
import { SlaBadge } from './SlaBadge.tsx';
import { minutesLeftAt, overdueBy, taskDaysLeft } from './task-days-left.ts';

/** What {@link TaskSlaBadge} reads of a task. */
export interface TaskSlaFigures {
  nodeId: string;
  status: string;
  slaState: SlaState;
  dueAt: string | null;
  atRiskAt: string | null;
  provisional: boolean;
  /** The API's minutes left, when the row carries them (case detail); else counted from the server clock. */
  minutesLeft?: number | null;
}

/**
 * The SLA badge of one task: working days left on its statutory limit (from the API's
 * `minutesLeft`, else counted to `dueAt` from the server's clock), or how far past it an overdue
 * task is; a paused clock while its case waits for a supplement.
 */
export function TaskSlaBadge({ task, definition, suspended }: { task: TaskSlaFigures; definition: WorkflowDefinition | undefined; suspended: boolean }) {
  const { now } = useServerClock();
  const open = task.status === 'open' || task.status === 'claimed';
  const minutes = !open ? null : task.minutesLeft !== undefined ? task.minutesLeft : suspended ? null : minutesLeftAt(task.dueAt, task.nodeId, definition, now);
  const overdue = open && task.slaState === 'overdue' && !suspended ? overdueBy(task.dueAt, task.nodeId, definition, now) : null;
  return (
    <SlaBadge
      state={task.slaState}
      left={taskDaysLeft(minutes, task.nodeId, definition)}
      overdue={overdue}
      dueAt={task.dueAt}
      atRiskAt={task.atRiskAt}
      provisional={task.provisional}
      suspended={open && suspended}
    />
  );
}
