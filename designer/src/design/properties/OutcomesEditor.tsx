import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { builtInOutcomes, type BuiltInOutcome, type Outcome } from '@tongban/engine';
import { Button, Checkbox, Flex, Input, Typography } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';
import { uniqueId } from '../model/unique-id.ts';

const builtIn = new Set<string>(builtInOutcomes);

function isBuiltIn(id: string): id is BuiltInOutcome {
  return builtIn.has(id);
}

/**
 * A task's outcomes: the four built-ins switched on or off with their labels, and custom ones
 * (id and label) added by the designer. Built-ins come first, in their fixed order.
 */
export function OutcomesEditor({ outcomes, onChange }: { outcomes: readonly Outcome[]; onChange(outcomes: Outcome[]): void }) {
  const t = useMessages(designMessages);
  const custom = outcomes.filter((outcome) => !isBuiltIn(outcome.id));
  const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  const withBuiltIns = (chosen: Map<string, Outcome>): Outcome[] => [
    ...builtInOutcomes.flatMap((id) => {
      const outcome = chosen.get(id);
      return outcome === undefined ? [] : [outcome];
    }),
    ...[...chosen.values()].filter((outcome) => !isBuiltIn(outcome.id)),
  ];
  const setBuiltIn = (id: BuiltInOutcome, on: boolean, label?: string) => {
    const next = new Map(byId);
    if (on) next.set(id, { id, label: label ?? byId.get(id)?.label ?? t.outcomes[id] });
    else next.delete(id);
    onChange(withBuiltIns(next));
  };
  const replaceCustom = (index: number, outcome: Outcome | null) => {
    const nextCustom = custom.flatMap((old, i) => (i !== index ? [old] : outcome === null ? [] : [outcome]));
    onChange([...outcomes.filter((outcome) => isBuiltIn(outcome.id)), ...nextCustom]);
  };
  return (
    <Flex vertical gap={6} data-testid="outcomes-editor">
      <Typography.Text type="secondary">{t.properties.builtInOutcomes}</Typography.Text>
      {builtInOutcomes.map((id) => {
        const outcome = byId.get(id);
        return (
          <Flex key={id} gap={8} align="center">
            <Checkbox
              checked={outcome !== undefined}
              onChange={(event) => setBuiltIn(id, event.target.checked)}
              data-testid={`outcome-builtin-${id}`}
              style={{ width: 150, flex: 'none' }}
            >
              <code style={{ fontSize: 11 }}>{id}</code>
            </Checkbox>
            <Input
              size="small"
              disabled={outcome === undefined}
              value={outcome?.label ?? t.outcomes[id]}
              onChange={(event) => setBuiltIn(id, true, event.target.value)}
              aria-label={`${id} ${t.properties.outcomeLabel}`}
              data-testid={`outcome-label-${id}`}
            />
          </Flex>
        );
      })}
      <Typography.Text type="secondary">{t.properties.customOutcomes}</Typography.Text>
      {custom.map((outcome, index) => (
        <Flex key={index} gap={6} align="center" data-testid={`outcome-custom-${index}`}>
          <Input
            size="small"
            value={outcome.id}
            onChange={(event) => replaceCustom(index, { ...outcome, id: event.target.value })}
            aria-label={t.properties.outcomeId}
            placeholder={t.properties.outcomeId}
            data-testid={`outcome-custom-${index}-id`}
          />
          <Input
            size="small"
            value={outcome.label}
            onChange={(event) => replaceCustom(index, { ...outcome, label: event.target.value })}
            aria-label={t.properties.outcomeLabel}
            placeholder={t.properties.outcomeLabel}
            data-testid={`outcome-custom-${index}-label`}
          />
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t.properties.remove}
            onClick={() => replaceCustom(index, null)}
            data-testid={`outcome-custom-${index}-remove`}
          />
        </Flex>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => {
          const id = uniqueId('outcome', new Set(outcomes.map((outcome) => outcome.id)));
          onChange([...outcomes, { id, label: id }]);
        }}
        data-testid="outcome-add"
      >
        {t.properties.addOutcome}
      </Button>
    </Flex>
  );
}
