import { EngineError } from './engine-error.ts';

/** A `subCase.completed` names a sub-case its call activity no longer (or never) waits for. */
export class SubCaseNotActiveError extends EngineError {
  readonly code = 'sub-case-not-active';
  readonly subCaseId: string;
  readonly nodeId: string;

  constructor(subCaseId: string, nodeId: string, waiting: string | undefined) {
    super(`Sub-case '${subCaseId}' is not awaited: ${waiting === undefined ? `node '${nodeId}' waits for no sub-case` : `node '${nodeId}' waits for '${waiting}'`}`);
    this.subCaseId = subCaseId;
    this.nodeId = nodeId;
  }
}
