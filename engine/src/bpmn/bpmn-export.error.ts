import { EngineError } from '../errors/index.ts';

/** Thrown by `exportBpmn` when the definition does not fit the definition schema, or holds a node BPMN export cannot draw. */
export class BpmnExportError extends EngineError {
  readonly code = 'bpmn-export-failed';
  readonly workflowKey: string;

  constructor(workflowKey: string, reason: string) {
    super(`Workflow '${workflowKey}' cannot be exported to BPMN: ${reason}`);
    this.workflowKey = workflowKey;
  }
}
