import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { formFieldTypeSchema, type FormField, type FormFieldType } from '@tongban/engine';
import { Button, Card, Checkbox, Flex, Input, Select, Typography } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';

type FieldOption = NonNullable<FormField['options']>[number];

/** `field1`, `field2`, …: the first not taken. No `-`, so a FEEL condition can name it (`a-b` is a subtraction). */
function nextFieldKey(fields: readonly FormField[]): string {
  const taken = new Set(fields.map((field) => field.key));
  for (let n = fields.length + 1; ; n += 1) {
    if (!taken.has(`field${n}`)) return `field${n}`;
  }
}

/** The options of a select field: value and label rows, added and removed. */
function OptionsEditor({ options, onChange, testId }: { options: FieldOption[]; onChange(options: FieldOption[]): void; testId: string }) {
  const t = useMessages(designMessages);
  const replace = (index: number, option: FieldOption | null) =>
    onChange(options.flatMap((old, i) => (i !== index ? [old] : option === null ? [] : [option])));
  return (
    <Flex vertical gap={4} data-testid={testId}>
      <Typography.Text type="secondary">{t.properties.fieldOptions}</Typography.Text>
      {options.map((option, index) => (
        <Flex key={index} gap={4}>
          <Input
            size="small"
            value={option.value}
            placeholder={t.properties.optionValue}
            aria-label={t.properties.optionValue}
            onChange={(event) => replace(index, { ...option, value: event.target.value })}
            data-testid={`${testId}-${index}-value`}
          />
          <Input
            size="small"
            value={option.label}
            placeholder={t.properties.optionLabel}
            aria-label={t.properties.optionLabel}
            onChange={(event) => replace(index, { ...option, label: event.target.value })}
            data-testid={`${testId}-${index}-label`}
          />
          <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t.properties.remove} onClick={() => replace(index, null)} />
        </Flex>
      ))}
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => onChange([...options, { value: `option${options.length + 1}`, label: `${t.properties.optionLabel} ${options.length + 1}` }])}
        data-testid={`${testId}-add`}
      >
        {t.properties.addOption}
      </Button>
    </Flex>
  );
}

/**
 * The form a clerk fills in on a task: per field its key (where the value lands in case data),
 * label, type, required flag and, for a select, its options.
 */
export function FormFieldsEditor({ fields, onChange }: { fields: readonly FormField[]; onChange(fields: FormField[]): void }) {
  const t = useMessages(designMessages);
  const replace = (index: number, field: FormField | null) =>
    onChange(fields.flatMap((old, i) => (i !== index ? [old] : field === null ? [] : [field])));
  const setType = (index: number, field: FormField, type: FormFieldType) => {
    const { options, ...rest } = field;
    replace(index, type === 'select' ? { ...rest, type, options: options ?? [] } : { ...rest, type });
  };
  return (
    <Flex vertical gap={8} data-testid="form-fields-editor">
      {fields.map((field, index) => (
        <Card
          key={index}
          size="small"
          data-testid={`form-field-${index}`}
          title={<code>{field.key}</code>}
          extra={
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t.properties.remove}
              onClick={() => replace(index, null)}
              data-testid={`form-field-${index}-remove`}
            />
          }
        >
          <Flex vertical gap={6}>
            <Flex gap={6}>
              <Input
                size="small"
                value={field.key}
                placeholder={t.properties.fieldKey}
                aria-label={t.properties.fieldKey}
                onChange={(event) => replace(index, { ...field, key: event.target.value })}
                data-testid={`form-field-${index}-key`}
              />
              <Input
                size="small"
                value={field.label}
                placeholder={t.properties.fieldLabel}
                aria-label={t.properties.fieldLabel}
                onChange={(event) => replace(index, { ...field, label: event.target.value })}
                data-testid={`form-field-${index}-label`}
              />
            </Flex>
            <Flex gap={8} align="center">
              <Select<FormFieldType>
                size="small"
                value={field.type}
                onChange={(type) => setType(index, field, type)}
                options={formFieldTypeSchema.options.map((type) => ({ value: type, label: t.fieldTypes[type] }))}
                aria-label={t.properties.fieldType}
                data-testid={`form-field-${index}-type`}
                style={{ width: 130 }}
              />
              <Checkbox
                checked={field.required}
                onChange={(event) => replace(index, { ...field, required: event.target.checked })}
                data-testid={`form-field-${index}-required`}
              >
                {t.properties.fieldRequired}
              </Checkbox>
            </Flex>
            {field.type === 'select' && (
              <OptionsEditor
                options={field.options ?? []}
                onChange={(options) => replace(index, { ...field, options })}
                testId={`form-field-${index}-options`}
              />
            )}
          </Flex>
        </Card>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => {
          const key = nextFieldKey(fields);
          onChange([...fields, { key, type: 'text', label: key, required: false }]);
        }}
        data-testid="form-field-add"
      >
        {t.properties.addField}
      </Button>
    </Flex>
  );
}
