import { conditionScope, type CallActivity, type WorkflowDefinition } from '@tongban/engine';
import { Form, Radio, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useMessages } from '../../i18n/index.ts';
import type { PublishedWorkflow } from '../design-api.ts';
import { panelMessages } from './panel.messages.ts';

/**
 * A callActivity's called workflow (from the published ones, not the one being drawn), its version
 * binding (the latest when the sub-case starts, or a fixed version), and the case data it passes
 * in (all of it, or chosen fields from the application and the upstream task forms).
 */
export function CallActivityEditor({
  node,
  definition,
  workflows,
  onChange,
}: {
  node: CallActivity;
  definition: WorkflowDefinition;
  workflows: readonly PublishedWorkflow[];
  onChange(node: CallActivity, field: string): void;
}) {
  const t = useMessages(panelMessages);
  const called = workflows.find((workflow) => workflow.key === node.calledElement);
  const names = useMemo(() => conditionScope(definition, node.id).names, [definition, node.id]);
  const options = workflows
    .filter((workflow) => workflow.key !== definition.key)
    .map((workflow) => ({ value: workflow.key, label: `${workflow.name} (${workflow.key})` }));
  if (called === undefined) options.push({ value: node.calledElement, label: node.calledElement });
  const without = (key: 'version' | 'inputs'): CallActivity => {
    const copy = { ...node };
    delete copy[key];
    return copy;
  };
  return (
    <>
      <Form.Item label={t.calledWorkflow}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          value={node.calledElement}
          placeholder={t.calledWorkflowPlaceholder}
          onChange={(calledElement: string) => onChange({ ...without('version'), calledElement }, 'calledElement')}
          options={options}
          status={called === undefined ? 'warning' : undefined}
          aria-label={t.calledWorkflow}
          data-testid="call-workflow"
        />
      </Form.Item>
      <Form.Item label={t.versionBinding}>
        <Radio.Group
          value={node.version === undefined ? 'latest' : 'fixed'}
          onChange={(event) =>
            onChange(event.target.value === 'latest' ? without('version') : { ...node, version: called?.versions[0] ?? 1 }, 'version')
          }
          options={[
            { value: 'latest', label: t.versionLatest },
            { value: 'fixed', label: t.versionFixed },
          ]}
          data-testid="call-version-binding"
        />
        {node.version !== undefined && (
          <Select<number>
            style={{ marginTop: 6, width: 160 }}
            value={node.version}
            onChange={(version) => onChange({ ...node, version }, 'version')}
            options={(called?.versions.includes(node.version) ? called.versions : [...(called?.versions ?? []), node.version]).map((version) => ({
              value: version,
              label: t.version(version),
            }))}
            aria-label={t.versionFixed}
            data-testid="call-version"
          />
        )}
      </Form.Item>
      <Form.Item label={t.inputs}>
        <Radio.Group
          value={node.inputs === undefined ? 'all' : 'chosen'}
          onChange={(event) => onChange(event.target.value === 'all' ? without('inputs') : { ...node, inputs: names.slice(0, 1).map((entry) => entry.name) }, 'inputs')}
          options={[
            { value: 'all', label: t.inputsAll },
            { value: 'chosen', label: t.inputsChosen },
          ]}
          data-testid="call-inputs-mode"
        />
        {node.inputs !== undefined && (
          <Select
            mode="tags"
            style={{ marginTop: 6 }}
            value={node.inputs}
            placeholder={t.inputsPlaceholder}
            onChange={(inputs: string[]) => onChange({ ...node, inputs }, 'inputs')}
            options={names.map((entry) => ({ value: entry.name, label: entry.label === undefined ? entry.name : `${entry.label} (${entry.name})` }))}
            aria-label={t.inputs}
            data-testid="call-inputs"
          />
        )}
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t.outputsHint}
      </Typography.Paragraph>
    </>
  );
}
