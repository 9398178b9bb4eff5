import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Select, Typography } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import {
  applicationFields,
  moveField,
  nextApplicationKey,
  withApplicationFields,
  type ApplicationField,
  type ApplicationOption,
} from '../model/application-form.ts';
import { panelMessages } from './panel.messages.ts';

const kinds = ['text', 'number', 'integer', 'boolean', 'select', 'multiSelect'] as const;

function OptionRows({ options, onChange, testId }: { options: ApplicationOption[]; onChange(options: ApplicationOption[]): void; testId: string }) {
  const t = useMessages(panelMessages);
  const replace = (index: number, option: ApplicationOption | null) =>
    onChange(options.flatMap((old, i) => (i !== index ? [old] : option === null ? [] : [option])));
  return (
    <Flex vertical gap={4} data-testid={testId}>
      <Typography.Text type="secondary">{t.appFieldOptions}</Typography.Text>
      {options.map((option, index) => (
        <Flex key={index} gap={4}>
          <Input size="small" value={option.value} placeholder={t.optionValue} aria-label={t.optionValue} onChange={(event) => replace(index, { ...option, value: event.target.value })} data-testid={`${testId}-${index}-value`} />
          <Input size="small" value={option.label} placeholder={t.optionLabel} aria-label={t.optionLabel} onChange={(event) => replace(index, { ...option, label: event.target.value })} data-testid={`${testId}-${index}-label`} />
          <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t.remove} onClick={() => replace(index, null)} />
        </Flex>
      ))}
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => onChange([...options, { value: `option${options.length + 1}`, label: `${t.optionLabel} ${options.length + 1}` }])}
        data-testid={`${testId}-add`}
      >
        {t.addOption}
      </Button>
    </Flex>
  );
}

/**
 * The application form (the definition's `dataSchema`): per field its key, label, help text, type,
 * required flag and, for a choice, its labelled options; fields are reordered with the up and down
 * buttons, and that order is the order of the schema's `properties`, which intake and the case
 * view show.
 */
export function ApplicationFormEditor({
  dataSchema,
  onChange,
}: {
  dataSchema: Record<string, unknown> | undefined;
  onChange(dataSchema: Record<string, unknown>): void;
}) {
  const t = useMessages(panelMessages);
  const fields = applicationFields(dataSchema);
  const write = (next: ApplicationField[]) => onChange(withApplicationFields(dataSchema, next));
  const replace = (index: number, field: ApplicationField | null) => write(fields.flatMap((old, i) => (i !== index ? [old] : field === null ? [] : [field])));
  return (
    <Flex vertical gap={8} data-testid="application-form-editor">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t.applicationFormHint}
      </Typography.Text>
      {fields.map((field, index) => (
        <Card
          key={index}
          size="small"
          data-testid={`app-field-${index}`}
          data-key={field.key}
          title={<code>{field.key}</code>}
          extra={
            <Flex gap={0}>
              <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t.moveUp} title={t.moveUp} onClick={() => write(moveField(fields, index, -1))} data-testid={`app-field-${index}-up`} />
              <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} aria-label={t.moveDown} title={t.moveDown} onClick={() => write(moveField(fields, index, 1))} data-testid={`app-field-${index}-down`} />
              <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t.remove} title={t.remove} onClick={() => replace(index, null)} data-testid={`app-field-${index}-remove`} />
            </Flex>
          }
        >
          <Flex vertical gap={6}>
            <Flex gap={6}>
              <Input size="small" value={field.key} placeholder={t.appFieldKey} aria-label={t.appFieldKey} onChange={(event) => replace(index, { ...field, key: event.target.value })} data-testid={`app-field-${index}-key`} />
              <Input size="small" value={field.title} placeholder={t.appFieldTitle} aria-label={t.appFieldTitle} onChange={(event) => replace(index, { ...field, title: event.target.value })} data-testid={`app-field-${index}-title`} />
            </Flex>
            <Input size="small" value={field.help} placeholder={t.appFieldHelp} aria-label={t.appFieldHelp} onChange={(event) => replace(index, { ...field, help: event.target.value })} data-testid={`app-field-${index}-help`} />
            <Flex gap={8} align="center">
              {field.kind === 'other' ? (
                <Typography.Text type="secondary">{String(field.schema.type ?? '')}</Typography.Text>
              ) : (
                <Select
                  size="small"
                  value={field.kind}
                  onChange={(kind: ApplicationField['kind']) =>
                    replace(index, {
                      ...field,
                      kind,
                      // A choice without options would read back as text: it starts with one.
                      options: (kind === 'select' || kind === 'multiSelect') && field.options.length === 0 ? [{ value: 'option1', label: `${t.optionLabel} 1` }] : field.options,
                    })
                  }
                  options={kinds.map((kind) => ({ value: kind, label: t.appFieldTypes[kind] }))}
                  aria-label={t.appFieldType}
                  data-testid={`app-field-${index}-type`}
                  style={{ width: 130 }}
                />
              )}
              <Checkbox checked={field.required} onChange={(event) => replace(index, { ...field, required: event.target.checked })} data-testid={`app-field-${index}-required`}>
                {t.appFieldRequired}
              </Checkbox>
            </Flex>
            {(field.kind === 'select' || field.kind === 'multiSelect') && (
              <OptionRows options={field.options} onChange={(options) => replace(index, { ...field, options })} testId={`app-field-${index}-options`} />
            )}
          </Flex>
        </Card>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => {
          const key = nextApplicationKey(fields);
          write([...fields, { key, kind: 'text', title: key, help: '', required: false, options: [], schema: {} }]);
        }}
        data-testid="app-field-add"
      >
        {t.addAppField}
      </Button>
    </Flex>
  );
}
