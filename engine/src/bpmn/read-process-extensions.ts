import type { ModdleElement } from 'moddle';
import type { BpmnProcess } from 'bpmn-moddle/types';
import { CURRENT_SCHEMA_VERSION, definitionSchema, workflowKeySchema } from '../definition/index.ts';
import type { Duration, WorkflowDefinition } from '../definition/index.ts';
import { extensionValues } from './extension-values.ts';
import type { ImportReport } from './import-report.ts';
import { kebabKey } from './kebab-key.ts';
import { optional } from './optional-field.ts';
import { readDuration } from './read-duration.ts';
import type { TongbanDataSchema, TongbanDuration, TongbanProcessAttributes } from './tongban-elements.types.ts';

/** The calendar an imported workflow counts on when neither the caller nor the file names one. */
export const DEFAULT_IMPORT_CALENDAR = 'cn-mainland';

/** The key an imported workflow gets when neither the caller nor the file gives a usable one. */
export const DEFAULT_IMPORT_KEY = 'imported-process';

/** What the caller of `importBpmn` may set; each wins over what the file says. */
export interface BpmnImportOptions {
  /** Workflow key (kebab-case). Default: `tongban:key`, else derived from the process id. */
  key?: string;
  /** Workflow name. Default: the process name, else its pool's, else the document's, else the key. */
  name?: string;
  /** Business calendar key. Default: `tongban:calendar`, else `cn-mainland`. */
  calendar?: string;
  /** Id of the process to import. Default: the first executable process, else the first. */
  processId?: string;
}

/** The workflow-level fields read from a BPMN process element. */
export interface ProcessFields {
  schemaVersion: WorkflowDefinition['schemaVersion'];
  key: string;
  version: number;
  name: string;
  description: string;
  calendar: string;
  promisedSla?: Duration;
  dataSchema?: Record<string, unknown>;
}

/**
 * Reads the workflow-level fields of `process`: its Tongban attributes and extension elements,
 * its name and documentation, with the caller's options first.
 * @internal
 */
export function readProcessFields(
  bpmnProcess: ModdleElement<BpmnProcess & TongbanProcessAttributes>,
  fallbackNames: (string | undefined)[],
  options: BpmnImportOptions,
  report: ImportReport,
): ProcessFields {
  const place = { elementId: bpmnProcess.id ?? '', elementType: bpmnProcess.$type };
  const key = readKey(bpmnProcess, options, report);
  const name = [options.name, bpmnProcess.name, ...fallbackNames].map((text) => text?.trim()).find((text) => text) ?? key;
  let calendar = options.calendar ?? bpmnProcess.calendar?.trim() ?? '';
  if (calendar === '') {
    calendar = DEFAULT_IMPORT_CALENDAR;
    report.add('bpmn-missing-calendar', `Process '${place.elementId}' names no tongban:calendar; working time is counted on '${DEFAULT_IMPORT_CALENDAR}'`, place, {
      calendar: DEFAULT_IMPORT_CALENDAR,
    });
  }
  const [promised] = extensionValues<TongbanDuration>(bpmnProcess, 'tongban:PromisedSla');
  return {
    schemaVersion: readSchemaVersion(bpmnProcess, report),
    key,
    version: readVersion(bpmnProcess, report),
    name,
    description: (bpmnProcess.documentation ?? []).map((doc) => doc.text ?? '').join('\n\n').trim(),
    calendar,
    ...optional('promisedSla', readDuration(promised, 'promisedSla', place, report)),
    ...optional('dataSchema', readDataSchema(bpmnProcess, report)),
  };
}

function readKey(bpmnProcess: ModdleElement<BpmnProcess & TongbanProcessAttributes>, options: BpmnImportOptions, report: ImportReport): string {
  const place = { elementId: bpmnProcess.id ?? '', elementType: bpmnProcess.$type };
  if (options.key !== undefined) return options.key;
  if (bpmnProcess.key !== undefined) {
    if (workflowKeySchema.safeParse(bpmnProcess.key).success) return bpmnProcess.key;
    report.add('bpmn-invalid-extension', `Process '${place.elementId}' has tongban:key '${bpmnProcess.key}', which is not a kebab-case key`, place, {
      extension: 'tongban:key',
      value: bpmnProcess.key,
    });
  }
  const derived = kebabKey(bpmnProcess.id ?? '');
  const key = workflowKeySchema.safeParse(derived).success ? derived : DEFAULT_IMPORT_KEY;
  report.add('bpmn-missing-key', `Process '${place.elementId}' has no tongban:key; the workflow is keyed '${key}'`, place, { key });
  return key;
}

/** The schema version the file was written in (`tongban:schemaVersion`); a drawing from elsewhere is a new definition of the current version. */
function readSchemaVersion(bpmnProcess: ModdleElement<BpmnProcess & TongbanProcessAttributes>, report: ImportReport): WorkflowDefinition['schemaVersion'] {
  if (bpmnProcess.schemaVersion === undefined) return CURRENT_SCHEMA_VERSION;
  const parsed = definitionSchema.shape.schemaVersion.safeParse(Number(bpmnProcess.schemaVersion));
  if (parsed.success) return parsed.data;
  report.add(
    'bpmn-invalid-extension',
    `Process '${bpmnProcess.id ?? ''}' has tongban:schemaVersion '${bpmnProcess.schemaVersion}', which this engine does not read; it is read as version ${CURRENT_SCHEMA_VERSION}`,
    { elementId: bpmnProcess.id ?? '', elementType: bpmnProcess.$type },
    { extension: 'tongban:schemaVersion', value: bpmnProcess.schemaVersion, fallback: String(CURRENT_SCHEMA_VERSION) },
  );
  return CURRENT_SCHEMA_VERSION;
}

function readVersion(bpmnProcess: ModdleElement<BpmnProcess & TongbanProcessAttributes>, report: ImportReport): number {
  if (bpmnProcess.version === undefined) return 1;
  const version = Number(bpmnProcess.version);
  if (Number.isInteger(version) && version > 0) return version;
  report.add(
    'bpmn-invalid-extension',
    `Process '${bpmnProcess.id ?? ''}' has tongban:version '${bpmnProcess.version}', which is not a positive whole number; version 1 is used`,
    { elementId: bpmnProcess.id ?? '', elementType: bpmnProcess.$type },
    { extension: 'tongban:version', value: bpmnProcess.version, fallback: '1' },
  );
  return 1;
}

function readDataSchema(bpmnProcess: ModdleElement<BpmnProcess>, report: ImportReport): Record<string, unknown> | undefined {
  const [element] = extensionValues<TongbanDataSchema>(bpmnProcess, 'tongban:DataSchema');
  if (element === undefined) return undefined;
  const place = { elementId: bpmnProcess.id ?? '', elementType: bpmnProcess.$type };
  const value = parseJsonObject(element.text ?? '');
  if (value !== undefined) return value;
  report.add('bpmn-invalid-extension', `The tongban:dataSchema of process '${place.elementId}' is not a JSON object; it is left out`, place, {
    extension: 'tongban:dataSchema',
    reason: 'it is not a JSON object',
  });
  return undefined;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
