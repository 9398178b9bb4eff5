import type { ModdleElement } from 'moddle';
import type { BpmnServiceTask } from 'bpmn-moddle/types';
import { serviceImplementationSchema, serviceRetrySchema } from '../definition/index.ts';
import type { ServiceImplementation, ServiceRetry } from '../definition/index.ts';
import { extensionValues, firstIssue } from './extension-values.ts';
import type { BpmnDiagnosticPlace, ImportReport } from './import-report.ts';
import { optional } from './optional-field.ts';
import type { TongbanHttp, TongbanRetry, TongbanServiceAttributes } from './tongban-elements.types.ts';

/** The Tongban fields of a serviceTask read from its BPMN element. */
export interface ServiceExtensions {
  implementation: ServiceImplementation;
  retry?: ServiceRetry;
}

/**
 * Reads a service task's implementation (`tongban:handler`, or `<tongban:http method url/>`) and
 * retry policy (`<tongban:retry attempts backoff delaySeconds/>`). A task that names neither gets
 * the handler named by its id, so the runtime reports the missing handler as an incident rather
 * than the import dropping the step; that is reported (`bpmn-missing-implementation`).
 * @internal
 */
export function readServiceExtensions(
  element: ModdleElement<BpmnServiceTask & TongbanServiceAttributes>,
  nodeId: string,
  place: BpmnDiagnosticPlace,
  report: ImportReport,
): ServiceExtensions {
  return {
    implementation: readImplementation(element, nodeId, place, report),
    ...optional('retry', readRetry(element, place, report)),
  };
}

function readImplementation(
  element: ModdleElement<BpmnServiceTask & TongbanServiceAttributes>,
  nodeId: string,
  place: BpmnDiagnosticPlace,
  report: ImportReport,
): ServiceImplementation {
  const elementId = place.elementId ?? '';
  const handler = element.handler?.trim();
  const [http] = extensionValues<TongbanHttp>(element, 'tongban:Http');
  if (handler !== undefined && handler !== '' && http !== undefined) {
    report.add('bpmn-invalid-extension', `Service task '${elementId}' names both tongban:handler '${handler}' and a tongban:http call; the handler is used`, place, {
      extension: 'tongban:http',
      fallback: handler,
    });
  }
  const candidate = handler !== undefined && handler !== '' ? { handler } : http !== undefined ? { http: { method: http.method?.trim().toUpperCase(), url: http.url?.trim() } } : undefined;
  if (candidate !== undefined) {
    const parsed = serviceImplementationSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    const reason = firstIssue(parsed.error);
    report.add('bpmn-invalid-extension', `The implementation of service task '${elementId}' does not fit the definition schema: ${reason}`, place, {
      extension: 'handler' in candidate ? 'tongban:handler' : 'tongban:http',
      reason,
    });
  }
  report.add(
    'bpmn-missing-implementation',
    `Service task '${elementId}' names no usable tongban:handler or tongban:http; it calls handler '${nodeId}' until one is picked`,
    place,
    { handler: nodeId },
  );
  return { handler: nodeId };
}

function readRetry(element: BpmnServiceTask, place: BpmnDiagnosticPlace, report: ImportReport): ServiceRetry | undefined {
  const [retry] = extensionValues<TongbanRetry>(element, 'tongban:Retry');
  if (retry === undefined) return undefined;
  const parsed = serviceRetrySchema.safeParse({
    attempts: numberText(retry.attempts),
    backoff: { type: retry.backoff?.trim(), delaySeconds: numberText(retry.delaySeconds) },
  });
  if (parsed.success) return parsed.data;
  const reason = firstIssue(parsed.error);
  report.add('bpmn-invalid-extension', `The tongban:retry of service task '${place.elementId ?? ''}' is left out: ${reason}`, place, { extension: 'tongban:retry', reason });
  return undefined;
}

/** `'3'` → 3; text that is not a number stays text, for the schema to refuse with its own message. */
function numberText(text: string | undefined): number | string | undefined {
  if (text === undefined || text.trim() === '') return text;
  const value = Number(text);
  return Number.isNaN(value) ? text : value;
}
