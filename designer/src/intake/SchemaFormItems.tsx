import type { DataValidator } from '@tongban/engine';
import { Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactElement } from 'react';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { issueMessage, issueOf } from './application-check.ts';
import { intakeMessages } from './intake.messages.ts';
import { fromSchemaValues, type SchemaField, type SchemaInputValue } from './schema-fields.ts';

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

/**
 * The rule of one field: the whole application, as it would be sent (`fromSchemaValues`), checked
 * by `validate`; the field fails with the first issue that names it. Pure.
 */
function ruleOf(field: SchemaField, fields: readonly SchemaField[], namePrefix: string, validate: DataValidator, t: Messages): Rule {
  return ({ getFieldValue }) => ({
    validator: () => {
      const values = (getFieldValue(namePrefix) ?? {}) as Record<string, SchemaInputValue>;
      const issue = issueOf(validate(fromSchemaValues(fields, values)), field.key);
      return issue === undefined ? Promise.resolve() : Promise.reject(new Error(issueMessage(issue, field, t)));
    },
  });
}

/** Props of {@link SchemaFormItems}. */
export interface SchemaFormItemsProps {
  /** The fields of the application form (`schemaFields(dataSchema)`). */
  fields: readonly SchemaField[];
  /** Where the items' values live inside the enclosing form, e.g. `data`. */
  namePrefix: string;
  /** The schema's validator (`applicationValidator(dataSchema)`); null checks nothing before the server does. */
  validate: DataValidator | null;
}

/**
 * The labelled inputs of an application form from a `dataSchema`, each checked with the engine's
 * validator of the schema, the server's own (required, pattern, format, lengths, bounds, choices);
 * rendered inside an enclosing antd `Form`, each under `[namePrefix, key]` with test id
 * `field-<key>`.
 */
export function SchemaFormItems({ fields, namePrefix, validate }: SchemaFormItemsProps) {
  const t = useMessages(intakeMessages);
  if (fields.length === 0) return <Typography.Text type="secondary">{t.noFields}</Typography.Text>;
  return (
    <>
      {fields.map((field) => (
        <Form.Item
          key={field.key}
          name={[namePrefix, field.key]}
          label={field.label}
          extra={field.description}
          required={field.required}
          rules={validate === null ? [] : [ruleOf(field, fields, namePrefix, validate, t)]}
        >
          {input(field, t)}
        </Form.Item>
      ))}
    </>
  );
}
