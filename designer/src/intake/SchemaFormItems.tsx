import { Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactElement } from 'react';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { intakeMessages } from './intake.messages.ts';
import type { SchemaField } from './schema-fields.ts';

type Messages = (typeof intakeMessages)['zh-CN'];

function input(field: SchemaField, t: Messages): ReactElement {
  const testId = `field-${field.key}`;
  const options = (field.options ?? []).map((option) => ({ value: option.value, label: option.label }));
  switch (field.kind) {
    case 'text':
      return <Input data-testid={testId} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} data-testid={testId} />;
    case 'integer':
      return <InputNumber style={{ width: '100%' }} precision={0} data-testid={testId} />;
    case 'boolean':
      return (
        <Radio.Group data-testid={testId}>
          <Radio value={true}>{t.yes}</Radio>
          <Radio value={false}>{t.no}</Radio>
        </Radio.Group>
      );
    case 'select':
      return <Select placeholder={t.selectPlaceholder} options={options} data-testid={testId} />;
    case 'multiSelect':
      return <Select mode="multiple" placeholder={t.selectPlaceholder} options={options} data-testid={testId} />;
  }
}

function bound(test: (value: number) => boolean, message: string): Rule {
  return {
    validator: (_rule, value: unknown) => (typeof value !== 'number' || test(value) ? Promise.resolve() : Promise.reject(new Error(message))),
  };
}

/** The validation rules of one field: required, pattern and lengths of text, bounds of numbers, least choices. Pure. */
function rulesOf(field: SchemaField, t: Messages): Rule[] {
  const { label } = field;
  const rules: Rule[] = [];
  const choice = field.kind === 'boolean' || field.kind === 'select' || field.kind === 'multiSelect';
  if (field.required) {
    const message = choice ? t.requiredChoice(label) : t.required(label);
    rules.push(field.kind === 'text' ? { required: true, whitespace: true, message } : { required: true, message });
  }
  if (field.kind === 'text') {
    if (field.pattern !== undefined) rules.push({ pattern: new RegExp(field.pattern, 'u'), message: t.pattern(label) });
    if (field.minLength !== undefined) rules.push({ min: field.minLength, message: t.minLength(label, field.minLength) });
    if (field.maxLength !== undefined) rules.push({ max: field.maxLength, message: t.maxLength(label, field.maxLength) });
  }
  if (field.kind === 'number' || field.kind === 'integer') {
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = field;
    if (field.kind === 'integer') rules.push(bound(Number.isInteger, t.integer(label)));
    if (minimum !== undefined) rules.push(bound((value) => value >= minimum, t.atLeast(label, minimum)));
    if (maximum !== undefined) rules.push(bound((value) => value <= maximum, t.atMost(label, maximum)));
    if (exclusiveMinimum !== undefined) rules.push(bound((value) => value > exclusiveMinimum, t.above(label, exclusiveMinimum)));
    if (exclusiveMaximum !== undefined) rules.push(bound((value) => value < exclusiveMaximum, t.below(label, exclusiveMaximum)));
  }
  if (field.kind === 'multiSelect' && field.minItems !== undefined && field.minItems > 0) {
    rules.push({ type: 'array', min: field.minItems, message: t.minItems(label, field.minItems) });
  }
  return rules;
}

/** Props of {@link SchemaFormItems}. */
export interface SchemaFormItemsProps {
  /** The fields of the application form (`schemaFields(dataSchema)`). */
  fields: readonly SchemaField[];
  /** Where the items' values live inside the enclosing form, e.g. `data`. */
  namePrefix: string;
}

/**
 * The labelled inputs of an application form from a `dataSchema`, validated as the schema says
 * (required, pattern, lengths, bounds, least choices); rendered inside an enclosing antd `Form`,
 * each under `[namePrefix, key]` with test id `field-<key>`.
 */
export function SchemaFormItems({ fields, namePrefix }: SchemaFormItemsProps) {
  const t = useMessages(intakeMessages);
  if (fields.length === 0) return <Typography.Text type="secondary">{t.noFields}</Typography.Text>;
  return (
    <>
      {fields.map((field) => (
        <Form.Item key={field.key} name={[namePrefix, field.key]} label={field.label} extra={field.description} rules={rulesOf(field, t)}>
          {input(field, t)}
        </Form.Item>
      ))}
    </>
  );
}
