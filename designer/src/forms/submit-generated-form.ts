import type { FormField } from '@tongban/engine';
import type { FormInstance } from 'antd';
import { fromFormValues, type FormInputValue } from './form-values.ts';

/**
 * Validates a {@link GeneratedForm} and returns its case data (see `fromFormValues`), or `null`
 * when a field is invalid (the form then shows the messages beside the fields).
 */
export async function submitGeneratedForm(
  form: FormInstance<Record<string, FormInputValue>>,
  fields: readonly FormField[],
): Promise<Record<string, unknown> | null> {
  if (fields.length === 0) return {};
  try {
    await form.validateFields();
  } catch {
    return null;
  }
  return fromFormValues(fields, form.getFieldsValue(true) as Record<string, FormInputValue>);
}
