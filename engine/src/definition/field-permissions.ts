import type { WorkflowDefinition } from './definition.schema.ts';
import type { FieldPermission, UserTask } from './node.schema.ts';

/** The properties of the definition's `dataSchema` (the application data's fields), in schema order. */
export function dataSchemaFields(definition: Pick<WorkflowDefinition, 'dataSchema'>): string[] {
  const properties = definition.dataSchema?.properties;
  return typeof properties === 'object' && properties !== null && !Array.isArray(properties) ? Object.keys(properties) : [];
}

/**
 * What a clerk acting on `task` may do with field `key`: the task's `fieldPermissions` entry, else
 * `editable` for a field of the task's form, `readOnly` for any other field of the case data.
 */
export function fieldPermissionOf(task: Pick<UserTask, 'form' | 'fieldPermissions'>, key: string): FieldPermission {
  return task.fieldPermissions?.[key] ?? (task.form.some((field) => field.key === key) ? 'editable' : 'readOnly');
}

/** The fields of the case data hidden from a clerk acting on `task`. */
export function hiddenFields(task: Pick<UserTask, 'fieldPermissions'>): string[] {
  return Object.entries(task.fieldPermissions ?? {})
    .filter(([, permission]) => permission === 'hidden')
    .map(([key]) => key);
}
