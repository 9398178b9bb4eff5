import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { builtInOutcomes, outcomeNeedsReason, type BuiltInOutcome, type Outcome, type SchemaVersion } from '@tongban/engine';
import { Button, Checkbox, Flex, Input, Select, Typography } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';
import { uniqueId } from '../model/unique-id.ts';

const builtIn = new Set<string>(builtInOutcomes);

function isBuiltIn(id: string): id is BuiltInOutcome {
  return builtIn.has(id);
}

/**
 * Whether choosing an outcome needs a reason (its own setting, else the schema version's rule:
 * `reject` and `return` from version 2 on), and the form field that holds it.
 */
function ReasonRow({
  outcome,
  schemaVersion,
  formKeys,
  onChange,
}: {
  outcome: Outcome;
  schemaVersion: SchemaVersion;
  formKeys: readonly string[];
  onChange(outcome: Outcome): void;
}) {
  const t = useMessages(designMessages);
  const needs = outcomeNeedsReason(schemaVersion, outcome);
  const { reasonField: _field, ...withoutField } = outcome;
  return (
    <Flex gap={6} align="center" style={{ paddingLeft: 24, fontSize: 12 }} data-testid={`outcome-reason-${outcome.id}`}>
      <Checkbox
        checked={needs}
        onChange={(event) => onChange({ ...outcome, reasonRequired: event.target.checked })}
        data-testid={`outcome-reason-${outcome.id}-required`}
      >
        <span style={{ fontSize: 12 }}>{t.properties.reasonRequired}</span>
      </Checkbox>
      {needs && (
        <Select
          size="small"
          allowClear
          value={outcome.reasonField}
          placeholder={t.properties.reasonField}
          onChange={(field: string | undefined) => onChange(field === undefined ? withoutField : { ...outcome, reasonField: field })}
          options={formKeys.map((key) => ({ value: key, label: key }))}
          aria-label={t.properties.reasonField}
          data-testid={`outcome-reason-${outcome.id}-field`}
          style={{ flex: 1, minWidth: 0 }}
        />
      )}
    </Flex>
  );
}

/**
 * A task's outcomes: the four built-ins switched on or off with their labels, and custom ones
 * (id and label) added by the designer. Built-ins come first, in their fixed order.
 */
export function OutcomesEditor({
  outcomes,
  schemaVersion,
  formKeys,
  onChange,
}: {
  outcomes: readonly Outcome[];
  schemaVersion: SchemaVersion;
  /** Keys of the task's form fields, one of which may hold an outcome's reason. */
  formKeys: readonly string[];
  onChange(outcomes: Outcome[]): void;
}) {
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
    const old = byId.get(id);
    if (on) next.set(id, { ...old, id, label: label ?? old?.label ?? t.outcomes[id] });
    else next.delete(id);
    onChange(withBuiltIns(next));
  };
  const replaceOutcome = (outcome: Outcome) => onChange(outcomes.map((old) => (old.id === outcome.id ? outcome : old)));
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
          <Flex key={id} vertical gap={2}>
            <Flex gap={8} align="center">
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
            {outcome !== undefined && id !== 'requestSupplement' && (
              <ReasonRow outcome={outcome} schemaVersion={schemaVersion} formKeys={formKeys} onChange={replaceOutcome} />
            )}
          </Flex>
        );
      })}
      <Typography.Text type="secondary">{t.properties.customOutcomes}</Typography.Text>
      {custom.map((outcome, index) => (
        <Flex key={index} vertical gap={2}>
          <Flex gap={6} align="center" data-testid={`outcome-custom-${index}`}>
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
          <ReasonRow outcome={outcome} schemaVersion={schemaVersion} formKeys={formKeys} onChange={(next) => replaceCustom(index, next)} />
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
