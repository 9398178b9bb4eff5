import { parseCondition } from '@tongban/engine';
import { Input, Typography } from 'antd';
import { useMemo } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';

/** A FEEL condition with a live syntax check by the engine's FEEL parser. Empty means no condition. */
export function ConditionInput({ value, onChange }: { value: string | undefined; onChange(value: string | undefined): void }) {
  const t = useMessages(designMessages);
  const text = value ?? '';
  const check = useMemo(() => (text.trim() === '' ? null : parseCondition(text)), [text]);
  return (
    <>
      <Input.TextArea
        value={text}
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={t.properties.conditionPlaceholder}
        status={check !== null && !check.ok ? 'error' : undefined}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        aria-label={t.properties.condition}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
        data-testid="edge-condition"
      />
      {check !== null && (
        <Typography.Text
          type={!check.ok ? 'danger' : check.readsClock ? 'warning' : 'success'}
          data-testid="edge-condition-status"
          data-ok={String(check.ok)}
        >
          {!check.ok ? check.error.message : check.readsClock ? t.properties.conditionReadsClock : t.properties.conditionOk}
        </Typography.Text>
      )}
    </>
  );
}
