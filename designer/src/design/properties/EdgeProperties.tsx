import type { WorkflowDefinition, WorkflowEdge } from '@tongban/engine';
import { Checkbox, Form, Input, Select, Typography } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';
import { ConditionInput } from './ConditionInput.tsx';
import type { PropertyChangeHandler } from './property-change.ts';

/** An edge without the given optional keys (so a cleared field is absent, not `undefined`). */
function without(edge: WorkflowEdge, ...keys: ('outcome' | 'condition' | 'default' | 'kind' | 'label')[]): WorkflowEdge {
  const copy = { ...edge };
  for (const key of keys) delete copy[key];
  return copy;
}

/**
 * The properties of one edge. Leaving a userTask: the outcome it routes (from the task's
 * outcomes) and its kind (sequence or time-out boundary). Leaving an exclusive or inclusive
 * gateway: a FEEL condition checked as it is typed, or the default flag. Every edge: a label.
 */
export function EdgeProperties({ edge, definition, onChange }: { edge: WorkflowEdge; definition: WorkflowDefinition; onChange: PropertyChangeHandler }) {
  const t = useMessages(designMessages);
  const p = t.properties;
  const source = definition.nodes.find((node) => node.id === edge.source);
  const target = definition.nodes.find((node) => node.id === edge.target);
  const replace = (next: WorkflowEdge, field: string) => onChange([{ type: 'replaceEdge', edge: next }], `edge:${edge.id}:${field}`);
  const outcomes = source?.type === 'userTask' ? source.outcomes : [];
  const outcomeOptions = outcomes.map((outcome) => ({ value: outcome.id, label: `${outcome.label} (${outcome.id})` }));
  if (edge.outcome !== undefined && !outcomes.some((outcome) => outcome.id === edge.outcome)) {
    outcomeOptions.push({ value: edge.outcome, label: edge.outcome });
  }
  return (
    <Form layout="vertical" size="small" data-testid="edge-properties" data-edge-id={edge.id}>
      <Form.Item label={`${p.source} → ${p.target}`}>
        <Typography.Text data-testid="edge-ends">
          {source?.name ?? edge.source} → {target?.name ?? edge.target}
        </Typography.Text>
      </Form.Item>
      {source?.type === 'userTask' && (
        <>
          <Form.Item label={p.edgeKind}>
            <Select
              value={edge.kind ?? 'sequence'}
              onChange={(kind: 'sequence' | 'slaBreach') =>
                replace(kind === 'sequence' ? without(edge, 'kind') : { ...without(edge, 'outcome'), kind }, 'kind')
              }
              options={[
                { value: 'sequence', label: p.kindSequence },
                { value: 'slaBreach', label: p.kindSlaBreach },
              ]}
              aria-label={p.edgeKind}
              data-testid="edge-kind"
            />
          </Form.Item>
          {edge.kind !== 'slaBreach' && (
            <Form.Item label={p.outcome}>
              <Select
                allowClear
                value={edge.outcome}
                placeholder={p.outcomePlaceholder}
                onChange={(outcome: string | undefined) =>
                  replace(outcome === undefined ? without(edge, 'outcome') : { ...edge, outcome }, 'outcome')
                }
                options={outcomeOptions}
                aria-label={p.outcome}
                data-testid="edge-outcome"
              />
            </Form.Item>
          )}
        </>
      )}
      {(source?.type === 'exclusiveGateway' || source?.type === 'inclusiveGateway') && (
        <>
          <Form.Item label={p.condition}>
            <ConditionInput
              value={edge.condition}
              onChange={(condition) => replace(condition === undefined ? without(edge, 'condition') : { ...edge, condition }, 'condition')}
            />
          </Form.Item>
          <Form.Item>
            <Checkbox
              checked={edge.default === true}
              onChange={(event) => replace(event.target.checked ? { ...without(edge, 'condition'), default: true } : without(edge, 'default'), 'default')}
              data-testid="edge-default"
            >
              {p.defaultFlow}
            </Checkbox>
          </Form.Item>
        </>
      )}
      <Form.Item label={p.label}>
        <Input
          value={edge.label ?? ''}
          onChange={(event) => replace(event.target.value === '' ? without(edge, 'label') : { ...edge, label: event.target.value }, 'label')}
          aria-label={p.label}
          data-testid="edge-label-input"
        />
      </Form.Item>
    </Form>
  );
}
