import { conditionScope, slaEdgeBehaviour, type SlaAction, type SlaLimit, type WorkflowDefinition, type WorkflowEdge } from '@tongban/engine';
import { Checkbox, Form, Input, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';
import { ConditionInput } from './ConditionInput.tsx';
import type { PropertyChangeHandler } from './property-change.ts';

/** An edge without the given optional keys (so a cleared field is absent, not `undefined`). */
function without(edge: WorkflowEdge, ...keys: ('outcome' | 'condition' | 'default' | 'kind' | 'label' | 'interrupting' | 'limit' | 'action')[]): WorkflowEdge {
  const copy = { ...edge };
  for (const key of keys) delete copy[key];
  return copy;
}

const interruptingActions: SlaAction[] = ['escalate', 'deemedApproval', 'deemedRejection'];
const loopActions: SlaAction[] = ['notify', 'escalate'];

/**
 * What an SLA edge does: an interrupting one (drawn to where the case goes) watches the statutory
 * limit and escalates or deems an outcome; a non-interrupting one loops back to its task and
 * notifies or escalates, at either limit.
 */
function SlaEdgeFields({ edge, onReplace }: { edge: WorkflowEdge; onReplace(edge: WorkflowEdge): void }) {
  const t = useMessages(designMessages);
  const p = t.properties;
  const { interrupting, limit, action } = slaEdgeBehaviour(edge);
  const isLoop = edge.target === edge.source;
  return (
    <>
      <Form.Item>
        <Checkbox
          checked={interrupting}
          disabled={isLoop}
          onChange={(event) =>
            onReplace(
              event.target.checked
                ? { ...without(edge, 'interrupting', 'limit', 'action') }
                : { ...without(edge, 'action'), target: edge.source, interrupting: false, limit: 'promised' },
            )
          }
          data-testid="edge-sla-interrupting"
        >
          {p.slaInterrupting}
        </Checkbox>
        {!interrupting && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{p.slaLoopHint}</Typography.Paragraph>}
      </Form.Item>
      <Form.Item label={p.slaLimit}>
        <Select<SlaLimit>
          value={limit}
          disabled={interrupting}
          onChange={(next) => onReplace({ ...edge, limit: next })}
          options={(['promised', 'statutory'] as const).map((value) => ({ value, label: t.slaLimits[value] }))}
          aria-label={p.slaLimit}
          data-testid="edge-sla-limit"
        />
      </Form.Item>
      <Form.Item label={p.slaAction}>
        <Select<SlaAction>
          value={action}
          onChange={(next) => onReplace({ ...edge, action: next })}
          options={(interrupting ? interruptingActions : loopActions).map((value) => ({ value, label: t.slaActions[value] }))}
          aria-label={p.slaAction}
          data-testid="edge-sla-action"
        />
      </Form.Item>
    </>
  );
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
  const scope = useMemo(() => conditionScope(definition, edge.source), [definition, edge.source]);
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
                replace(kind === 'sequence' ? without(edge, 'kind', 'interrupting', 'limit', 'action') : { ...without(edge, 'outcome'), kind }, 'kind')
              }
              options={[
                { value: 'sequence', label: p.kindSequence },
                { value: 'slaBreach', label: p.kindSlaBreach },
              ]}
              aria-label={p.edgeKind}
              data-testid="edge-kind"
            />
          </Form.Item>
          {edge.kind === 'slaBreach' && <SlaEdgeFields edge={edge} onReplace={(next) => replace(next, 'sla')} />}
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
              scope={scope}
              checksNames={definition.dataSchema !== undefined}
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
