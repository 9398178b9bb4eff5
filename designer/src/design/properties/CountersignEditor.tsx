import type { CompletionRule, MultiInstance } from '@tongban/engine';
import { Checkbox, Flex, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import type { DepartmentKindOption } from './property-change.ts';
import { panelMessages } from './panel.messages.ts';

type RuleKind = 'all' | 'any' | 'threshold';

const ruleKind = (rule: CompletionRule): RuleKind => (typeof rule === 'string' ? rule : 'threshold');

/**
 * A countersignature (会签): one task per department kind or per assignee, as a list or a FEEL
 * expression yielding it, decided when all, any one, or at least a threshold approve.
 */
export function CountersignEditor({
  value,
  departmentKinds,
  onChange,
}: {
  value: MultiInstance | undefined;
  departmentKinds: readonly DepartmentKindOption[];
  onChange(value: MultiInstance | undefined): void;
}) {
  const t = useMessages(panelMessages);
  const items = value?.items;
  const listed = Array.isArray(items) ? items : [];
  const max = Array.isArray(items) ? items.length : undefined;
  return (
    <Flex vertical gap={6} data-testid="countersign-editor">
      <Checkbox
        checked={value !== undefined}
        onChange={(event) => onChange(event.target.checked ? { over: 'departments', items: departmentKinds.slice(0, 2).map((option) => option.kind), completion: 'all' } : undefined)}
        data-testid="countersign-enabled"
      >
        {t.countersignEnabled}
      </Checkbox>
      {value !== undefined && (
        <>
          <Typography.Text type="secondary">{t.countersignOver}</Typography.Text>
          <Radio.Group
            value={value.over}
            onChange={(event) => onChange({ ...value, over: event.target.value as MultiInstance['over'], items: event.target.value === value.over ? value.items : [] })}
            options={[
              { value: 'departments', label: t.overDepartments },
              { value: 'assignees', label: t.overAssignees },
            ]}
            data-testid="countersign-over"
          />
          <Typography.Text type="secondary">{t.countersignItems}</Typography.Text>
          <Checkbox
            checked={typeof items === 'string'}
            onChange={(event) => onChange({ ...value, items: event.target.checked ? 'signers' : [] })}
            data-testid="countersign-expression-enabled"
          >
            {t.countersignExpression}
          </Checkbox>
          {typeof items === 'string' ? (
            <Input value={items} onChange={(event) => onChange({ ...value, items: event.target.value })} aria-label={t.countersignItems} style={{ fontFamily: 'ui-monospace, monospace' }} data-testid="countersign-items-expression" />
          ) : (
            <Select
              mode={value.over === 'departments' ? 'multiple' : 'tags'}
              value={listed}
              onChange={(next: string[]) => onChange({ ...value, items: next })}
              options={value.over === 'departments' ? departmentKinds.map((option) => ({ value: option.kind, label: option.label })) : []}
              optionFilterProp="label"
              status={listed.length === 0 ? 'error' : undefined}
              aria-label={t.countersignItems}
              data-testid="countersign-items"
            />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.countersignItemsHint}
          </Typography.Text>
          <Typography.Text type="secondary">{t.countersignCompletion}</Typography.Text>
          <Flex gap={8} align="center" wrap>
            <Select<RuleKind>
              value={ruleKind(value.completion)}
              onChange={(kind) => onChange({ ...value, completion: kind === 'threshold' ? { threshold: Math.min(2, max ?? 2) } : kind })}
              options={[
                { value: 'all', label: t.completionAll },
                { value: 'any', label: t.completionAny },
                { value: 'threshold', label: t.completionThreshold },
              ]}
              aria-label={t.countersignCompletion}
              data-testid="countersign-completion"
              style={{ width: 150 }}
            />
            {typeof value.completion === 'object' && (
              <InputNumber
                min={1}
                max={max}
                value={value.completion.threshold}
                onChange={(threshold) => typeof threshold === 'number' && threshold >= 1 && onChange({ ...value, completion: { threshold: Math.trunc(threshold) } })}
                addonBefore={t.threshold}
                aria-label={t.threshold}
                data-testid="countersign-threshold"
                style={{ width: 150 }}
              />
            )}
          </Flex>
        </>
      )}
    </Flex>
  );
}
