import type { ModdleElement } from 'moddle';
import type { BpmnCallActivity } from 'bpmn-moddle/types';
import { callActivitySchema, workflowKeySchema } from '../definition/index.ts';
import type { CallActivity } from '../definition/index.ts';
import { extensionValues } from './extension-values.ts';
import type { BpmnDiagnosticPlace, ImportReport } from './import-report.ts';
import { kebabKey } from './kebab-key.ts';
import { optional } from './optional-field.ts';
import { DEFAULT_IMPORT_KEY } from './read-process-extensions.ts';
import type { TongbanCallAttributes, TongbanInputs } from './tongban-elements.types.ts';

/** The fields of a callActivity read from its BPMN element. */
export type CallExtensions = Pick<CallActivity, 'calledElement' | 'version' | 'inputs'>;

/**
 * Reads what a call activity runs: the standard `calledElement` as the workflow key (kebab-cased,
 * and reported, when it is not one: other tools name a process id there), `tongban:calledVersion`,
 * and the case-data keys of `<tongban:inputs>`.
 * @internal
 */
export function readCallExtensions(
  element: ModdleElement<BpmnCallActivity & TongbanCallAttributes>,
  nodeId: string,
  place: BpmnDiagnosticPlace,
  report: ImportReport,
): CallExtensions {
  const elementId = place.elementId ?? '';
  const written = element.calledElement?.trim() ?? '';
  let calledElement = written;
  if (!workflowKeySchema.safeParse(written).success) {
    calledElement = [kebabKey(written), kebabKey(nodeId)].find((key) => workflowKeySchema.safeParse(key).success) ?? DEFAULT_IMPORT_KEY;
    report.add(
      'bpmn-called-element-rewritten',
      written === ''
        ? `Call activity '${elementId}' names no calledElement; it calls workflow '${calledElement}' until one is picked`
        : `Call activity '${elementId}' calls '${written}', which is not a workflow key; it calls workflow '${calledElement}'`,
      place,
      { written, calledElement },
    );
  }
  return {
    calledElement,
    ...optional('version', readVersion(element, place, report)),
    ...optional('inputs', readInputs(element, place, report)),
  };
}

function readVersion(element: TongbanCallAttributes, place: BpmnDiagnosticPlace, report: ImportReport): number | undefined {
  if (element.calledVersion === undefined) return undefined;
  const parsed = callActivitySchema.shape.version.safeParse(Number(element.calledVersion));
  if (parsed.success) return parsed.data;
  report.add(
    'bpmn-invalid-extension',
    `Call activity '${place.elementId ?? ''}' has tongban:calledVersion '${element.calledVersion}', which is not a positive whole number; it calls the latest version`,
    place,
    { extension: 'tongban:calledVersion', value: element.calledVersion },
  );
  return undefined;
}

function readInputs(element: BpmnCallActivity, place: BpmnDiagnosticPlace, report: ImportReport): string[] | undefined {
  const [inputs] = extensionValues<TongbanInputs>(element, 'tongban:Inputs');
  if (inputs === undefined) return undefined;
  const keys: string[] = [];
  for (const input of inputs.values ?? []) {
    const key = input.key?.trim() ?? '';
    if (key !== '') keys.push(key);
    else report.add('bpmn-invalid-extension', `An input of call activity '${place.elementId ?? ''}' names no key; it is left out`, place, { extension: 'tongban:input' });
  }
  return keys;
}
