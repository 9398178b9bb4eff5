import { slaUnitSchema, type Duration, type SlaUnit } from '@tongban/engine';
import { Checkbox, InputNumber, Select, Space } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';

/** Props of {@link DurationEditor}. */
export interface DurationEditorProps {
  value: Duration | undefined;
  onChange(value: Duration | undefined): void;
  /** Prefix of the test ids: `${testId}-enabled`, `-amount`, `-unit`. */
  testId: string;
  /** The limit a newly enabled editor starts with. */
  initial?: Duration;
  /** A duration that must be set (a timer's wait): no on/off switch. */
  required?: boolean;
}

const defaultDuration: Duration = { amount: 5, unit: 'workingDay' };

/** A time limit: on/off (unless required), an amount and a unit (working days by default). */
export function DurationEditor({ value, onChange, testId, initial = defaultDuration, required = false }: DurationEditorProps) {
  const t = useMessages(designMessages);
  return (
    <Space.Compact block>
      {!required && (
      <Checkbox
        checked={value !== undefined}
        onChange={(event) => onChange(event.target.checked ? (value ?? initial) : undefined)}
        data-testid={`${testId}-enabled`}
        style={{ marginRight: 8, alignSelf: 'center' }}
      >
        {t.properties.enabled}
      </Checkbox>
      )}
      <InputNumber
        min={0.5}
        step={1}
        disabled={value === undefined}
        value={value?.amount}
        onChange={(amount) => {
          if (value !== undefined && typeof amount === 'number' && amount > 0) onChange({ ...value, amount });
        }}
        aria-label={t.properties.amount}
        data-testid={`${testId}-amount`}
        style={{ width: 90 }}
      />
      <Select<SlaUnit>
        disabled={value === undefined}
        value={value?.unit ?? initial.unit}
        onChange={(unit) => {
          if (value !== undefined) onChange({ ...value, unit });
        }}
        options={slaUnitSchema.options.map((unit) => ({ value: unit, label: t.units[unit] }))}
        aria-label={t.properties.unit}
        data-testid={`${testId}-unit`}
        style={{ width: 120 }}
      />
    </Space.Compact>
  );
}
