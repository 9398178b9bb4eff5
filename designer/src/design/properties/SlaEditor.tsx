import type { Duration, TaskSla } from '@tongban/engine';
import { Flex, Typography } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';
import { DurationEditor } from './DurationEditor.tsx';

/** A task's two limits: the promised one (warning) and the statutory one (overdue, escalation). */
export function SlaEditor({ value, onChange }: { value: TaskSla | undefined; onChange(value: TaskSla | undefined): void }) {
  const t = useMessages(designMessages);
  const update = (part: 'promised' | 'statutory', duration: Duration | undefined) => {
    const next: TaskSla = { ...value };
    if (duration === undefined) delete next[part];
    else next[part] = duration;
    onChange(next.promised === undefined && next.statutory === undefined ? undefined : next);
  };
  return (
    <Flex vertical gap={6} data-testid="sla-editor">
      <Typography.Text type="secondary">{t.properties.promised}</Typography.Text>
      <DurationEditor
        value={value?.promised}
        onChange={(duration) => update('promised', duration)}
        testId="sla-promised"
        initial={{ amount: 3, unit: 'workingDay' }}
      />
      <Typography.Text type="secondary">{t.properties.statutory}</Typography.Text>
      <DurationEditor
        value={value?.statutory}
        onChange={(duration) => update('statutory', duration)}
        testId="sla-statutory"
        initial={{ amount: 20, unit: 'workingDay' }}
      />
    </Flex>
  );
}
