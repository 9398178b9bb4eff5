import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { definitionSchema, type WorkflowNode } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { LocaleProvider } from '../../i18n/index.ts';
import type { DefinitionChange } from '../model/definition-change.ts';
import type { Selection } from '../model/design-state.ts';
import { PropertiesPanel } from './PropertiesPanel.tsx';

const definition = definitionSchema.parse(fixture);
const kinds = [
  { kind: 'service-hall', label: '政务服务中心' },
  { kind: 'fire-rescue', label: '消防救援' },
];

function renderPanel(selection: Selection, locale: 'zh-CN' | 'en-US' = 'zh-CN', shown = definition) {
  const onChange = vi.fn<(changes: DefinitionChange[], key: string) => void>();
  render(
    <LocaleProvider initial={locale}>
      <PropertiesPanel
        definition={shown}
        selection={selection}
        departmentKinds={kinds}
        levels={['city', 'district']}
        diagnostics={[{ code: 'user-task-without-department', severity: 'error', message: "User task 'fire' names no department", nodeId: 'fire' }]}
        onChange={onChange}
      />
    </LocaleProvider>,
  );
  return onChange;
}

function lastChange(onChange: ReturnType<typeof renderPanel>): [DefinitionChange | undefined, string | undefined] {
  const call = onChange.mock.calls.at(-1);
  return [call?.[0][0], call?.[1]];
}

function replacedNode(onChange: ReturnType<typeof renderPanel>): WorkflowNode {
  const [change] = lastChange(onChange);
  if (change?.type !== 'replaceNode') throw new Error(`expected replaceNode, got ${change?.type}`);
  return change.node;
}

const task = { nodeIds: ['fire'], edgeIds: [] };

describe('PropertiesPanel', () => {
  it('shows the definition settings when nothing is selected and reports a renamed process', () => {
    const onChange = renderPanel({ nodeIds: [], edgeIds: [] });
    expect(screen.getByTestId('properties-title').textContent).toBe('流程设置');
    fireEvent.change(screen.getByTestId('def-name'), { target: { value: '招牌' } });
    expect(lastChange(onChange)).toEqual([{ type: 'updateSettings', settings: { name: '招牌' } }, 'settings:name']);
  });

  it('flags a process key that is not kebab-case', () => {
    renderPanel({ nodeIds: [], edgeIds: [] }, 'zh-CN', { ...definition, key: 'Bad Key' });
    expect(screen.getByText('流程标识为小写短横线格式，如 open-restaurant')).toBeTruthy();
  });

  it('edits a task name as a replaceNode change keyed by the field', () => {
    const onChange = renderPanel(task);
    fireEvent.change(screen.getByTestId('prop-name'), { target: { value: '消防检查' } });
    expect(replacedNode(onChange).name).toBe('消防检查');
    expect(lastChange(onChange)[1]).toBe('node:fire:name');
  });

  it('shows the diagnostics of the selected node above its fields', () => {
    renderPanel(task);
    const problem = screen.getByTestId('properties-problem');
    expect(problem.getAttribute('data-code')).toBe('user-task-without-department');
    expect(problem.textContent).toContain('人工任务未指定办理部门');
  });

  it('switches a built-in outcome on with its default label and keeps the built-in order', () => {
    const onChange = renderPanel(task);
    fireEvent.click(screen.getByTestId('outcome-builtin-reject'));
    const node = replacedNode(onChange);
    expect(node.type === 'userTask' && node.outcomes).toEqual([
      { id: 'approve', label: '同意' },
      { id: 'reject', label: '不予许可' },
    ]);
  });

  it('asks for a reason on an outcome, by the schema version rule unless the outcome says otherwise', () => {
    const onChange = renderPanel({ nodeIds: ['intake'], edgeIds: [] });
    const required = screen.getByTestId('outcome-reason-reject-required') as HTMLInputElement;
    expect(required.checked).toBe(false);
    fireEvent.click(required);
    const node = replacedNode(onChange);
    expect(node.type === 'userTask' && node.outcomes.find((o) => o.id === 'reject')).toEqual({ id: 'reject', label: '不予受理', reasonRequired: true });
  });

  it('adds a custom outcome after the built-ins', () => {
    const onChange = renderPanel(task);
    fireEvent.click(screen.getByTestId('outcome-add'));
    const node = replacedNode(onChange);
    expect(node.type === 'userTask' && node.outcomes.map((o) => o.id)).toEqual(['approve', 'outcome-1']);
  });

  it('turns the statutory limit on at 20 working days', () => {
    const onChange = renderPanel(task);
    fireEvent.click(screen.getByTestId('sla-statutory-enabled'));
    const node = replacedNode(onChange);
    expect(node.type === 'userTask' && node.sla).toEqual({ statutory: { amount: 20, unit: 'workingDay' } });
  });

  it('adds a form field whose key a FEEL condition can name', () => {
    const onChange = renderPanel(task);
    fireEvent.click(screen.getByTestId('form-field-add'));
    const node = replacedNode(onChange);
    expect(node.type === 'userTask' && node.form).toEqual([{ key: 'field1', type: 'text', label: 'field1', required: false }]);
  });

  it('renames a node only with a valid id that no other node or edge has', () => {
    const onChange = renderPanel(task);
    const input = screen.getByTestId('prop-id');
    fireEvent.change(input, { target: { value: 'intake' } });
    fireEvent.blur(input);
    expect(screen.getByTestId('prop-id-problem').textContent).toBe('该标识已被使用');
    fireEvent.change(input, { target: { value: '9fire' } });
    fireEvent.blur(input);
    expect(screen.getByTestId('prop-id-problem').textContent).toContain('字母开头');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: 'fire-check' } });
    fireEvent.blur(input);
    expect(lastChange(onChange)).toEqual([{ type: 'renameNode', id: 'fire', newId: 'fire-check' }, 'node:fire:id']);
  });

  it('reports a typed gateway edge condition as a replaceEdge change', () => {
    const onChange = renderPanel({ nodeIds: [], edgeIds: ['e10'] });
    expect(screen.getByTestId('edge-condition-status').getAttribute('data-ok')).toBe('true');
    fireEvent.change(screen.getByTestId('edge-condition'), { target: { value: 'signArea >' } });
    expect(lastChange(onChange)).toEqual([
      { type: 'replaceEdge', edge: { id: 'e10', source: 'area', target: 'refused', condition: 'signArea >' } },
      'edge:e10:condition',
    ]);
  });

  it('shows the engine FEEL parser error of a condition that does not parse', () => {
    const broken = { ...definition, edges: definition.edges.map((e) => (e.id === 'e10' ? { ...e, condition: 'signArea >' } : e)) };
    renderPanel({ nodeIds: [], edgeIds: ['e10'] }, 'zh-CN', broken);
    const status = screen.getByTestId('edge-condition-status');
    expect(status.getAttribute('data-ok')).toBe('false');
    expect(status.textContent).toContain("'signArea >' does not parse");
  });

  it('marks the default flag on a gateway edge and drops its condition', () => {
    const onChange = renderPanel({ nodeIds: [], edgeIds: ['e10'] });
    fireEvent.click(screen.getByTestId('edge-default'));
    expect(lastChange(onChange)[0]).toEqual({ type: 'replaceEdge', edge: { id: 'e10', source: 'area', target: 'refused', default: true } });
  });

  it('turns an interrupting SLA edge into a reminder that loops back to its task', () => {
    const withSla = { ...definition, edges: [...definition.edges, { id: 'e30', source: 'fire', target: 'refused', kind: 'slaBreach' as const }] };
    const onChange = renderPanel({ nodeIds: [], edgeIds: ['e30'] }, 'zh-CN', withSla);
    fireEvent.click(screen.getByTestId('edge-sla-interrupting'));
    expect(lastChange(onChange)).toEqual([
      { type: 'replaceEdge', edge: { id: 'e30', source: 'fire', target: 'fire', kind: 'slaBreach', interrupting: false, limit: 'promised' } },
      'edge:e30:sla',
    ]);
  });

  it('adds a non-interrupting reminder edge from the task panel', () => {
    const onChange = renderPanel(task);
    fireEvent.click(screen.getByTestId('add-sla-loop'));
    expect(lastChange(onChange)[0]).toEqual({
      type: 'addEdge',
      edge: { id: 'edge-1', source: 'fire', target: 'fire', kind: 'slaBreach', interrupting: false, limit: 'promised', action: 'notify' },
    });
  });

  it('offers the source task outcomes on an edge leaving a task', () => {
    renderPanel({ nodeIds: [], edgeIds: ['e3'] }, 'en-US');
    expect(screen.getByTestId('properties-title').textContent).toBe('Edge');
    expect(screen.getByTestId('edge-outcome').textContent).toContain('不予受理 (reject)');
  });
});
