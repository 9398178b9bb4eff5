import type { BpmnParseResult } from 'bpmn-moddle';
import { definitionSchema } from '../definition/index.ts';
import type { WorkflowDefinitionInput } from '../definition/index.ts';
import type { BpmnDiagnostic } from './bpmn-diagnostic.types.ts';
import { bpmnModdle } from './bpmn-moddle-instance.ts';
import { firstIssue } from './extension-values.ts';
import { ImportReport } from './import-report.ts';
import { mapFlowElements } from './map-flow-elements.ts';
import { optional } from './optional-field.ts';
import { readDiagramBounds } from './read-diagram-bounds.ts';
import { readerWarningParams } from './reader-warning-params.ts';
import { reportForeignExtensions } from './report-foreign-extensions.ts';
import type { BpmnImportOptions } from './read-process-extensions.ts';
import { readProcessFields } from './read-process-extensions.ts';
import { selectProcessElement } from './select-process-element.ts';

/** What `importBpmn` returns: a definition when the document held a process, and every finding. */
export interface BpmnImportResult {
  /** The workflow definition read from the process; absent when nothing could be imported. */
  definition?: WorkflowDefinitionInput;
  /** What was left out, replaced by a default or rewritten on the way, in document order. */
  diagnostics: BpmnDiagnostic[];
}

/**
 * Reads a BPMN 2.0 XML document (as Camunda Modeler, bpmn.io, Signavio or Trisotech write it) into
 * a workflow definition. Maps start and end events, user tasks (plain and manual tasks too, with a
 * warning), exclusive and parallel gateways, sequence flows (FEEL `conditionExpression` →
 * `condition`, a gateway's `default` → `default: true`) and timer boundary events on tasks
 * (→ `slaBreach` edges), keeping ids, names and DI positions (each node centred on its shape), and
 * Tongban's fields from the `tongban:` extension (`TONGBAN_BPMN_NAMESPACE`). Everything else is
 * reported, one diagnostic per element with its id and type, and so is every attribute and
 * extension element of another tool on what is imported (`engine/docs/bpmn.md` lists the codes;
 * each finding's `params` holds what its message quotes). The definition fits the
 * definition schema; `validate` tells what still keeps it from compiling. Never throws on user input.
 *
 * Pure: performs no I/O (asynchronous only because the XML reader is).
 *
 * @example
 * ```ts
 * const { definition, diagnostics } = await importBpmn(xml, { key: 'open-restaurant' });
 * ```
 */
export async function importBpmn(xml: string, options: BpmnImportOptions = {}): Promise<BpmnImportResult> {
  const report = new ImportReport();
  let parsed: BpmnParseResult;
  try {
    parsed = await bpmnModdle().fromXML(xml);
  } catch (error) {
    const reason = firstLine(error);
    report.add('bpmn-unreadable-xml', `The document is not BPMN 2.0 XML: ${reason}`, {}, { reason });
    return { diagnostics: report.diagnostics };
  }
  for (const warning of parsed.warnings) {
    const element = warning.element as { id?: unknown; $type?: unknown } | undefined;
    const reason = firstLine(warning);
    report.add(
      'bpmn-xml-warning',
      `The XML reader noted: ${reason}`,
      {
        ...(typeof element?.id === 'string' ? { elementId: element.id } : {}),
        ...(typeof element?.$type === 'string' ? { elementType: element.$type } : {}),
      },
      { ...readerWarningParams(warning), reason },
    );
  }

  const definitions = parsed.rootElement;
  const selected = selectProcessElement(definitions, options.processId, report);
  if (selected === undefined) return { diagnostics: report.diagnostics };
  const fields = readProcessFields(selected.process, [selected.participantName, definitions.name], options, report);
  reportForeignExtensions(selected.process, { elementId: selected.process.id ?? '', elementType: selected.process.$type }, report);
  // bpmn-moddle answers XPath, the BPMN default, for a document that names no language; only a
  // language the document names is taken as the language of its conditions.
  const expressionLanguage = Object.hasOwn(definitions, 'expressionLanguage') ? definitions.expressionLanguage : undefined;
  const { nodes, edges } = mapFlowElements(
    selected.process,
    { bounds: readDiagramBounds(definitions), ...optional('expressionLanguage', expressionLanguage) },
    report,
  );
  const definition: WorkflowDefinitionInput = { ...fields, nodes, edges };

  const checked = definitionSchema.safeParse(definition);
  if (!checked.success) {
    const reason = firstIssue(checked.error);
    report.add('bpmn-invalid-option', `The imported workflow does not fit the definition schema: ${reason}`, {}, { reason });
    return { diagnostics: report.diagnostics };
  }
  return { definition, diagnostics: report.diagnostics };
}

/** The first line of an error or reader warning (moddle's warnings are plain `{ message }` objects). */
function firstLine(error: unknown): string {
  const found = (error as { message?: unknown } | null)?.message;
  const message = typeof found === 'string' ? found : String(error);
  return message.split('\n')[0] ?? message;
}
