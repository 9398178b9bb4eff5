import type { ModdleElement } from 'moddle';
import type { BpmnTask } from 'bpmn-moddle/types';
import { fieldPermissionSchema, formFieldSchema, levelSchema, outcomeSchema, userTaskSchema } from '../definition/index.ts';
import type { Duration, FieldPermission, FormField, Level, MultiInstance, Outcome, TaskSla, UserTask } from '../definition/index.ts';
import { booleanText, extensionValues, firstIssue } from './extension-values.ts';
import type { BpmnDiagnosticPlace, ImportReport } from './import-report.ts';
import { optional } from './optional-field.ts';
import { readDuration } from './read-duration.ts';
import type {
  TongbanDuration,
  TongbanExtension,
  TongbanField,
  TongbanFieldPermissions,
  TongbanForm,
  TongbanMultiInstance,
  TongbanOutcomes,
  TongbanSla,
  TongbanTaskAttributes,
} from './tongban-elements.types.ts';

/** The role a task is offered to when the file names none: the front-line clerk. */
export const DEFAULT_CANDIDATE_ROLE = 'clerk';

/** The Tongban fields of a userTask read from its BPMN element. */
export interface TaskExtensions {
  department: string;
  level: Level;
  candidateRole: string;
  outcomes: Outcome[];
  form: FormField[];
  sla?: TaskSla;
  acceptanceDeadline?: Duration;
  extension?: UserTask['extension'];
  multiInstance?: MultiInstance;
  fieldPermissions?: Record<string, FieldPermission>;
}

/**
 * Reads a task's Tongban attributes and extension elements. A missing department stays empty (and
 * validation will ask for one); a missing candidate role becomes `clerk`, an empty one (a draft's)
 * stays empty; each is reported. A value that does not fit the definition schema is reported and
 * left out.
 * @internal
 */
export function readTaskExtensions(
  element: ModdleElement<BpmnTask & TongbanTaskAttributes>,
  place: BpmnDiagnosticPlace,
  report: ImportReport,
): TaskExtensions {
  const elementId = place.elementId ?? '';
  const department = element.department?.trim() ?? '';
  if (department === '') {
    report.add('bpmn-missing-department', `Task '${elementId}' names no tongban:department; pick the department that handles it`, place, {});
  }
  let candidateRole = element.candidateRole?.trim();
  if (candidateRole === undefined) {
    candidateRole = DEFAULT_CANDIDATE_ROLE;
    report.add('bpmn-missing-candidate-role', `Task '${elementId}' names no tongban:candidateRole; it is offered to '${DEFAULT_CANDIDATE_ROLE}'`, place, {
      role: DEFAULT_CANDIDATE_ROLE,
    });
  } else if (candidateRole === '') {
    report.add('bpmn-missing-candidate-role', `Task '${elementId}' has an empty tongban:candidateRole; pick the role that may claim it`, place, { role: '' });
  }
  return {
    department,
    level: readLevel(element.level, place, report),
    candidateRole,
    outcomes: readOutcomes(element, place, report),
    form: readForm(element, place, report),
    ...optional('sla', readSla(element, place, report)),
    ...optional('acceptanceDeadline', readDuration(extensionValues<TongbanDuration>(element, 'tongban:AcceptanceDeadline')[0], 'acceptanceDeadline', place, report)),
    ...optional('extension', readExtension(element, place, report)),
    ...optional('multiInstance', readMultiInstance(element, place, report)),
    ...optional('fieldPermissions', readFieldPermissions(element, place, report)),
  };
}

function readFieldPermissions(element: BpmnTask, place: BpmnDiagnosticPlace, report: ImportReport): Record<string, FieldPermission> | undefined {
  const permissions: Record<string, FieldPermission> = {};
  let any = false;
  for (const list of extensionValues<TongbanFieldPermissions>(element, 'tongban:FieldPermissions')) {
    for (const entry of list.values ?? []) {
      const access = fieldPermissionSchema.safeParse(entry.access?.trim());
      const key = entry.key?.trim() ?? '';
      if (key !== '' && access.success) {
        permissions[key] = access.data;
        any = true;
      } else {
        report.add(
          'bpmn-invalid-extension',
          `Field permission '${entry.key ?? ''}' of task '${place.elementId ?? ''}' is left out: it needs a key and an access of hidden, readOnly or editable`,
          place,
          { extension: 'tongban:fieldPermission', value: `${entry.key ?? ''} ${entry.access ?? ''}`.trim(), reason: 'it needs a key and an access of hidden, readOnly or editable' },
        );
      }
    }
  }
  return any ? permissions : undefined;
}

function readLevel(value: string | undefined, place: BpmnDiagnosticPlace, report: ImportReport): Level {
  if (value === undefined) return 'district';
  const parsed = levelSchema.safeParse(value.trim());
  if (parsed.success) return parsed.data;
  report.add('bpmn-invalid-extension', `Task '${place.elementId ?? ''}' has tongban:level '${value}', which is not a level; it is handled at 'district' level`, place, {
    extension: 'tongban:level',
    value,
    fallback: 'district',
  });
  return 'district';
}

function readOutcomes(element: BpmnTask, place: BpmnDiagnosticPlace, report: ImportReport): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const list of extensionValues<TongbanOutcomes>(element, 'tongban:Outcomes')) {
    for (const outcome of list.values ?? []) {
      const parsed = outcomeSchema.safeParse({
        id: outcome.id,
        label: outcome.label,
        ...optional('reasonRequired', booleanText(outcome.reasonRequired)),
        ...optional('reasonField', outcome.reasonField),
      });
      if (parsed.success) outcomes.push(parsed.data);
      else {
        const reason = firstIssue(parsed.error);
        report.add('bpmn-invalid-extension', `Outcome '${outcome.id ?? ''}' of task '${place.elementId ?? ''}' is left out: ${reason}`, place, {
          extension: 'tongban:outcome',
          value: outcome.id ?? '',
          reason,
        });
      }
    }
  }
  return outcomes;
}

function readForm(element: BpmnTask, place: BpmnDiagnosticPlace, report: ImportReport): FormField[] {
  const fields: FormField[] = [];
  for (const form of extensionValues<TongbanForm>(element, 'tongban:Form')) {
    for (const field of form.fields ?? []) {
      const parsed = formFieldSchema.safeParse(fieldInput(field));
      if (parsed.success) fields.push(parsed.data);
      else {
        const reason = firstIssue(parsed.error);
        report.add('bpmn-invalid-extension', `Form field '${field.key ?? ''}' of task '${place.elementId ?? ''}' is left out: ${reason}`, place, {
          extension: 'tongban:field',
          value: field.key ?? '',
          reason,
        });
      }
    }
  }
  return fields;
}

function fieldInput(field: ModdleElement<TongbanField>): Record<string, unknown> {
  const required = booleanText(field.required);
  const options = field.options?.map((option) => ({ value: option.value, label: option.label }));
  return {
    key: field.key,
    type: field.type,
    label: field.label,
    ...optional('required', required),
    ...optional('options', options !== undefined && options.length > 0 ? options : undefined),
  };
}

function readSla(element: BpmnTask, place: BpmnDiagnosticPlace, report: ImportReport): TaskSla | undefined {
  const [sla] = extensionValues<TongbanSla>(element, 'tongban:Sla');
  if (sla === undefined) return undefined;
  const promised = readDuration(sla.promised, 'promised', place, report);
  const statutory = readDuration(sla.statutory, 'statutory', place, report);
  if (promised === undefined && statutory === undefined) return undefined;
  return { ...optional('promised', promised), ...optional('statutory', statutory) };
}

function readExtension(element: BpmnTask, place: BpmnDiagnosticPlace, report: ImportReport): UserTask['extension'] {
  const [extension] = extensionValues<TongbanExtension>(element, 'tongban:Extension');
  if (extension === undefined) return undefined;
  const cap = readDuration(extension.cap, 'extensionCap', place, report);
  const parsed = userTaskSchema.shape.extension.safeParse({ approverRole: extension.approverRole?.trim(), cap });
  if (parsed.success) return parsed.data;
  const reason = firstIssue(parsed.error);
  report.add('bpmn-invalid-extension', `The tongban:extension of task '${place.elementId ?? ''}' is left out: ${reason}`, place, { extension: 'tongban:extension', reason });
  return undefined;
}

function readMultiInstance(element: BpmnTask, place: BpmnDiagnosticPlace, report: ImportReport): MultiInstance | undefined {
  const [spec] = extensionValues<TongbanMultiInstance>(element, 'tongban:MultiInstance');
  if (spec === undefined) return undefined;
  const listed = (spec.items ?? []).map((item) => item.value?.trim() ?? '');
  const completion = spec.completion?.trim();
  const parsed = userTaskSchema.shape.multiInstance.safeParse({
    over: spec.over?.trim(),
    items: listed.length > 0 ? listed : spec.expression?.trim(),
    completion: completion === 'threshold' ? { threshold: Number(spec.threshold) } : completion,
  });
  if (parsed.success) return parsed.data;
  const reason = firstIssue(parsed.error);
  report.add('bpmn-invalid-extension', `The tongban:multiInstance of task '${place.elementId ?? ''}' is left out: ${reason}`, place, { extension: 'tongban:multiInstance', reason });
  return undefined;
}
