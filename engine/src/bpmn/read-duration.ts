import type { ModdleElement } from 'moddle';
import { durationSchema } from '../definition/index.ts';
import type { Duration } from '../definition/index.ts';
import { firstIssue } from './extension-values.ts';
import type { BpmnDiagnosticPlace, ImportReport } from './import-report.ts';
import type { TongbanDuration } from './tongban-elements.types.ts';

/**
 * Reads a `tongban:Duration` (`amount="5" unit="workingDay"`) against the definition's duration
 * schema; a value that does not fit is reported as `bpmn-invalid-extension` and left out.
 * @internal
 */
export function readDuration(
  element: ModdleElement<TongbanDuration> | undefined,
  what: string,
  place: BpmnDiagnosticPlace,
  report: ImportReport,
): Duration | undefined {
  if (element === undefined) return undefined;
  const amount = element.amount === undefined || element.amount.trim() === '' ? Number.NaN : Number(element.amount);
  const parsed = durationSchema.safeParse({ amount, unit: element.unit });
  if (parsed.success) return parsed.data;
  report.add(
    'bpmn-invalid-extension',
    `${what} of '${place.elementId ?? ''}' (amount '${element.amount ?? ''}', unit '${element.unit ?? ''}') is left out: ${firstIssue(parsed.error)}`,
    place,
  );
  return undefined;
}
