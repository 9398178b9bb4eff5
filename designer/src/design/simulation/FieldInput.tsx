import type { FormField } from '@tongban/engine';
import { Checkbox, Input, Select } from 'antd';
import { useState } from 'react';
import { fieldValue } from './field-value.ts';

/** An input for one form field's value in case data, by the field's type. */
export function FieldInput({ field, value, onChange, testId }: { field: FormField; value: unknown; onChange(value: unknown): void; testId: string }) {
  switch (field.type) {
    case 'boolean':
      return (
        <Checkbox checked={value === true} onChange={(event) => onChange(event.target.checked)} data-testid={testId}>
          {field.label}
        </Checkbox>
      );
    case 'select':
      return (
        <Select
          size="small"
          allowClear
          value={typeof value === 'string' ? value : undefined}
          onChange={(next: string | undefined) => onChange(next)}
          options={(field.options ?? []).map((option) => ({ value: option.value, label: option.label }))}
          placeholder={field.label}
          data-testid={testId}
          style={{ width: '100%' }}
        />
      );
    case 'textarea':
      return (
        <Input.TextArea
          size="small"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
          placeholder={field.label}
          data-testid={testId}
        />
      );
    default:
      return <TextFieldInput field={field} value={value} onChange={onChange} testId={testId} />;
  }
}

/** A text, number or date field; a number is typed as text and reported once it reads as one. */
function TextFieldInput({ field, value, onChange, testId }: { field: FormField; value: unknown; onChange(value: unknown): void; testId: string }) {
  const [text, setText] = useState(value === undefined || value === null ? '' : String(value));
  return (
    <Input
      size="small"
      type={field.type === 'date' ? 'date' : 'text'}
      inputMode={field.type === 'number' ? 'decimal' : undefined}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(fieldValue(field, event.target.value));
      }}
      placeholder={field.label}
      data-testid={testId}
    />
  );
}
