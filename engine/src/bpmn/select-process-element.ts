import type { ModdleElement } from 'moddle';
import type { BpmnCollaboration, BpmnDefinitions, BpmnParticipant, BpmnProcess } from 'bpmn-moddle/types';
import type { ImportReport } from './import-report.ts';
import { optional } from './optional-field.ts';

/** The process an import reads, and the name of the pool that holds it, when there is one. */
export interface SelectedProcess {
  process: ModdleElement<BpmnProcess>;
  participantName?: string;
}

/**
 * Picks the process to import: `processId` when given, else the first executable process, else the
 * first. Every other process is reported (`bpmn-other-process`), and so are the collaboration's
 * message flows (`bpmn-unsupported-element`) and artifacts (`bpmn-artifact-ignored`). Reports
 * `bpmn-no-process` / `bpmn-process-not-found` and returns `undefined` when there is nothing to read.
 * @internal
 */
export function selectProcessElement(
  definitions: ModdleElement<BpmnDefinitions>,
  processId: string | undefined,
  report: ImportReport,
): SelectedProcess | undefined {
  const roots = definitions.rootElements ?? [];
  const processes = roots.filter((root) => root.$type === 'bpmn:Process') as ModdleElement<BpmnProcess>[];
  const collaborations = roots.filter((root) => root.$type === 'bpmn:Collaboration') as ModdleElement<BpmnCollaboration>[];
  const participants = collaborations.flatMap((collaboration) => collaboration.participants ?? []);
  for (const collaboration of collaborations) reportCollaboration(collaboration, report);

  if (processes.length === 0) {
    report.add('bpmn-no-process', 'The document holds no bpmn:process to import', {}, {});
    return undefined;
  }
  const bpmnProcess =
    processId === undefined
      ? (processes.find((candidate) => candidate.isExecutable === true) ?? processes[0])
      : processes.find((candidate) => candidate.id === processId);
  if (bpmnProcess === undefined) {
    const processIds = processes.map((candidate) => candidate.id ?? '');
    report.add(
      'bpmn-process-not-found',
      `The document holds no process '${processId ?? ''}' (it holds ${processIds.map((id) => `'${id}'`).join(', ')})`,
      {},
      { processId: processId ?? '', processIds },
    );
    return undefined;
  }
  for (const other of processes) {
    if (other === bpmnProcess) continue;
    const pool = participantOf(participants, other);
    const poolName = pool === undefined ? undefined : (pool.name ?? pool.id ?? '');
    const flowElementCount = (other.flowElements ?? []).length;
    const importedProcessId = bpmnProcess.id ?? '';
    report.add(
      'bpmn-other-process',
      `Process '${other.id ?? ''}'${pool ? ` (pool '${poolName}')` : ''} with ${flowElementCount} flow elements is not imported; only '${importedProcessId}' is (a Tongban workflow is one process)`,
      { elementId: other.id ?? '', elementType: other.$type },
      { ...optional('name', poolName), flowElementCount, importedProcessId },
    );
  }
  const name = participantOf(participants, bpmnProcess)?.name?.trim();
  return name ? { process: bpmnProcess, participantName: name } : { process: bpmnProcess };
}

function participantOf(participants: ModdleElement<BpmnParticipant>[], bpmnProcess: ModdleElement<BpmnProcess>): ModdleElement<BpmnParticipant> | undefined {
  return participants.find((participant) => participant.processRef === bpmnProcess);
}

function reportCollaboration(collaboration: ModdleElement<BpmnCollaboration>, report: ImportReport): void {
  for (const flow of collaboration.messageFlows ?? []) {
    const source = idOf(flow.sourceRef);
    const target = idOf(flow.targetRef);
    report.add(
      'bpmn-unsupported-element',
      `Message flow '${flow.id ?? ''}' from '${source}' to '${target}' is not imported: Tongban exchanges no messages between pools`,
      { elementId: flow.id ?? '', elementType: flow.$type },
      { reason: 'message-flow', source, target },
    );
  }
  for (const artifact of collaboration.artifacts ?? []) {
    report.add(
      'bpmn-artifact-ignored',
      `${artifact.$type} '${artifact.id ?? ''}' is a diagram note and is not imported`,
      { elementId: artifact.id ?? '', elementType: artifact.$type },
      {},
    );
  }
}

function idOf(element: object | undefined): string {
  const id = (element as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : '';
}
