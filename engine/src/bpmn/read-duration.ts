import type { ModdleElement } from 'moddle';
import { MAX_DURATION } from '../calendar/countable-range.ts';
import { durationSchema } from '../definition/index.ts';
import type { Duration } from '../definition/index.ts';
import type { BpmnDurationField } from './bpmn-diagnostic.types.ts';
import { firstIssue } from './extension-values.ts';
import type { BpmnDiagnosticPlace, ImportReport } from './import-report.ts';
import type { TongbanDuration } from './tongban-elements.types.ts';

/** The limit each `BpmnDurationField` names, in the English messages (`tongban:` element after the dash). */
const durationWords: Record<BpmnDurationField, { what: string; element: string }> = {
  promisedSla: { what: 'The promised total', element: 'tongban:promisedSla' },
  promised: { what: 'The promised limit', element: 'tongban:promised' },
  statutory: { what: 'The statutory limit', element: 'tongban:statutory' },
  acceptanceDeadline: { what: 'The acceptance deadline', element: 'tongban:acceptanceDeadline' },
  extensionCap: { what: 'The extension cap', element: 'tongban:cap' },
  wait: { what: 'The wait', element: 'tongban:wait' },
};

/**
 * Reads a `tongban:Duration` (`amount="5" unit="workingDay"`) against the definition's duration
 * schema; a value that does not fit is reported as `bpmn-invalid-extension` and left out, one
 * longer than the calendar counts is kept and reported (`reportUncountable`).
 * @internal
 */
export function readDuration(
  element: ModdleElement<TongbanDuration> | undefined,
  what: BpmnDurationField,
  place: BpmnDiagnosticPlace,
  report: ImportReport,
): Duration | undefined {
  if (element === undefined) return undefined;
  const amount = element.amount === undefined || element.amount.trim() === '' ? Number.NaN : Number(element.amount);
  const parsed = durationSchema.safeParse({ amount, unit: element.unit });
  if (parsed.success) {
    reportUncountable(parsed.data, what, place, report);
    return parsed.data;
  }
  const reason = firstIssue(parsed.error);
  report.add(
    'bpmn-invalid-extension',
    `${durationWords[what].what} of '${place.elementId ?? ''}' (amount '${element.amount ?? ''}', unit '${element.unit ?? ''}') is left out: ${reason}`,
    place,
    { extension: durationWords[what].element, value: `${element.amount ?? ''} ${element.unit ?? ''}`.trim(), reason },
  );
  return undefined;
}

/**
 * Reports `bpmn-duration-too-long` when `duration` is longer than the calendar counts in its unit
 * (`MAX_DURATION`, ten years). The duration stays in the definition: validation refuses it
 * (`duration-not-countable`) until the designer shortens it, so nothing the file says is lost.
 * @internal
 */
export function reportUncountable(duration: Duration, what: BpmnDurationField, place: BpmnDiagnosticPlace, report: ImportReport): void {
  const max = MAX_DURATION[duration.unit];
  if (duration.amount <= max) return;
  report.add(
    'bpmn-duration-too-long',
    `${durationWords[what].what} of '${place.elementId ?? ''}' is ${duration.amount} ${duration.unit}, longer than the ${max} ${duration.unit} the calendar counts; it is kept, and validation refuses it until it is shortened`,
    place,
    { what, amount: duration.amount, unit: duration.unit, max },
  );
}
