import { EngineError } from './engine-error.ts';

/** The event names a task that is not open in the case: a wrong `taskId` or `nodeId`, or a task already closed. */
export class TaskNotActiveError extends EngineError {
  readonly code = 'task-not-active';
  readonly taskId: string;
  readonly nodeId: string;

  constructor(taskId: string, nodeId: string, activeTaskId: string | undefined) {
    const detail =
      activeTaskId === undefined
        ? `node '${nodeId}' has no open task`
        : `the open task of node '${nodeId}' is '${activeTaskId}'`;
    super(`Task '${taskId}' is not active: ${detail}`);
    this.taskId = taskId;
    this.nodeId = nodeId;
  }
}
