import type { FormField } from '@tongban/engine';
import { DatePicker, Form, Input, InputNumber, Radio, Select, Typography, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo, type ReactElement } from 'react';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { dateFormat, toFormValues, type FormInputValue } from './form-values.ts';
import { formsMessages } from './forms.messages.ts';

/** Props of {@link GeneratedForm}. */
export interface GeneratedFormProps {
  /** The task's form fields, in order. */
  fields: readonly FormField[];
  /** The form instance (`Form.useForm()`), through which the caller validates and reads values. */
  form: FormInstance<Record<string, FormInputValue>>;
  /** Case data the inputs start from (each field reads its `key`). */
  initialData?: Readonly<Record<string, unknown>>;
  /** Inputs are read-only, e.g. while the task is not claimed by the viewer. */
  disabled?: boolean;
}

/** The input of one field; a plain element, so `Form.Item` binds its value, `onChange` and `id`. */
function fieldInput(field: FormField, t: (typeof formsMessages)['zh-CN']): ReactElement {
  const testId = `field-${field.key}`;
  switch (field.type) {
    case 'text':
      return <Input data-testid={testId} />;
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid={testId} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} data-testid={testId} />;
    case 'boolean':
      return (
        <Radio.Group data-testid={testId}>
          <Radio value={true}>{t.yes}</Radio>
          <Radio value={false}>{t.no}</Radio>
        </Radio.Group>
      );
    case 'date':
      return <DatePicker format={dateFormat} placeholder={t.datePlaceholder} style={{ width: '100%' }} data-testid={testId} />;
    case 'select':
      return (
        <Select
          placeholder={t.selectPlaceholder}
          options={(field.options ?? []).map((option) => ({ value: option.value, label: option.label }))}
          data-testid={testId}
        />
      );
  }
}

/**
 * A form generated from a userTask's fields: text, textarea, number, boolean (yes/no), date and
 * select, each labelled, required fields validated with a message naming the field. Values are
 * read through `form`, and turned into case data with `fromFormValues`.
 */
export function GeneratedForm({ fields, form, initialData = {}, disabled = false }: GeneratedFormProps) {
  const t = useMessages(formsMessages);
  const initialValues = useMemo(() => toFormValues(fields, initialData), [fields, initialData]);
  if (fields.length === 0) {
    return <Typography.Text type="secondary">{t.noFields}</Typography.Text>;
  }
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} disabled={disabled} data-testid="generated-form">
      {fields.map((field) => {
        const choice = field.type === 'boolean' || field.type === 'select' || field.type === 'date';
        const textual = field.type === 'text' || field.type === 'textarea';
        const message = choice ? t.requiredChoice(field.label) : t.required(field.label);
        // A rule with keys beyond `required` and `message` is checked as a string: only text gets `whitespace`.
        const rules: Rule[] = field.required ? [textual ? { required: true, whitespace: true, message } : { required: true, message }] : [];
        return (
          <Form.Item key={field.key} name={field.key} label={field.label} rules={rules}>
            {fieldInput(field, t)}
          </Form.Item>
        );
      })}
    </Form>
  );
}
