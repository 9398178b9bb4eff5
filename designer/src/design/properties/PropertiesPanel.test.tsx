import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { definitionSchema, type WorkflowNode } from '@tongban/engine';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { LocaleProvider } from '../../i18n/index.ts';
import type { DefinitionChange } from '../model/definition-change.ts';
import type { Selection } from '../model/design-state.ts';
import { PropertiesPanel } from './PropertiesPanel.tsx';

const definition = definitionSchema.parse(fixture);
const catalog = {
  roles: ['clerk', 'manager'],
  services: [
    {
      name: 'verify-business-licence',
      description: 'Checks the credit code',
      params: [{ name: 'resultField', type: 'string' as const, required: false, default: 'businessLicenceVerified', description: 'Where the verdict goes' }],
    },
  ],
  workflows: [{ key: 'food-licence', version: 2, name: '食品经营许可', publishedAt: '2026-01-01T00:00:00Z', publishedBy: 'designer', changeNote: null, versions: [2, 1] }],
};
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
        catalog={catalog}
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
    expect(status.textContent).toContain('第 11 个字符处');
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

  it('flags a doubled comparison operator with its position, not as correct', () => {
    const broken = { ...definition, edges: definition.edges.map((e) => (e.id === 'e10' ? { ...e, condition: 'signArea = = 10' } : e)) };
    renderPanel({ nodeIds: [], edgeIds: ['e10'] }, 'en-US', broken);
    const status = screen.getByTestId('edge-condition-status');
    expect(status.getAttribute('data-status')).toBe('error');
    expect(status.textContent).toContain('Syntax error at character 12');
  });

  it('warns about an unknown name with the nearest known one, and lists the names a condition may read', () => {
    const withSchema = {
      ...definition,
      dataSchema: { type: 'object', properties: { signArea: { type: 'number', title: '招牌面积' } } },
      edges: definition.edges.map((e) => (e.id === 'e10' ? { ...e, condition: 'signAera > 10' } : e)),
    };
    const onChange = renderPanel({ nodeIds: [], edgeIds: ['e10'] }, 'en-US', withSchema);
    expect(screen.getByTestId('edge-condition-unknown').textContent).toBe('Unknown field signAera; did you mean signArea?');
    fireEvent.click(screen.getByTestId('condition-name-signArea'));
    expect(lastChange(onChange)[0]).toMatchObject({ type: 'replaceEdge', edge: { condition: 'signAera > 10 signArea' } });
  });

  it('picks a candidate role from the organisation roles, named in the console language', () => {
    renderPanel(task, 'en-US');
    expect(screen.getByTestId('prop-role').textContent).toContain('Clerk (clerk)');
  });

  it('makes a task a countersignature over two department kinds that all must approve', () => {
    const onChange = renderPanel(task);
    fireEvent.click(screen.getByTestId('countersign-enabled'));
    const node = replacedNode(onChange);
    expect(node.type === 'userTask' && node.multiInstance).toEqual({ over: 'departments', items: ['service-hall', 'fire-rescue'], completion: 'all' });
  });

  it('lets a clerk ask for an extension approved by a manager, capped at 10 working days', () => {
    const onChange = renderPanel(task);
    fireEvent.click(screen.getByTestId('extension-enabled'));
    const node = replacedNode(onChange);
    expect(node.type === 'userTask' && node.extension).toEqual({ approverRole: 'manager', cap: { amount: 10, unit: 'workingDay' } });
  });

  it('sets the acceptance deadline of an intake task', () => {
    const onChange = renderPanel(task);
    fireEvent.click(screen.getByTestId('acceptance-deadline-enabled'));
    const node = replacedNode(onChange);
    expect(node.type === 'userTask' && node.acceptanceDeadline).toEqual({ amount: 5, unit: 'workingDay' });
  });

  it("fills a registered service's parameters as a form and writes them to the implementation", () => {
    const service = {
      ...definition,
      nodes: [...definition.nodes, { id: 'verify', type: 'serviceTask' as const, name: '核验', implementation: { handler: 'verify-business-licence' } }],
    };
    const onChange = renderPanel({ nodeIds: ['verify'], edgeIds: [] }, 'zh-CN', service);
    expect(screen.getByTestId('service-description').textContent).toBe('核验申请人的统一社会信用代码，把结论写入案件数据');
    expect(screen.getByTestId('service-params').textContent).toContain('核验结论（是/否）写入的字段 · 默认：businessLicenceVerified');
    fireEvent.change(screen.getByTestId('service-param-resultField'), { target: { value: 'licenceOk' } });
    const node = replacedNode(onChange);
    expect(node.type === 'serviceTask' && node.implementation).toEqual({ handler: 'verify-business-licence', params: { resultField: 'licenceOk' } });
  });

  it('says so when a service task names a handler the runtime has not registered', () => {
    const service = { ...definition, nodes: [...definition.nodes, { id: 'verify', type: 'serviceTask' as const, name: '核验', implementation: { handler: 'nowhere' } }] };
    renderPanel({ nodeIds: ['verify'], edgeIds: [] }, 'zh-CN', service);
    expect(screen.getByTestId('service-unknown').textContent).toContain('运行时没有注册服务 nowhere');
  });

  it("binds a call activity to a fixed version of a published workflow", () => {
    const call = { ...definition, nodes: [...definition.nodes, { id: 'sub', type: 'callActivity' as const, name: '子流程', calledElement: 'food-licence' }] };
    const onChange = renderPanel({ nodeIds: ['sub'], edgeIds: [] }, 'zh-CN', call);
    fireEvent.click(screen.getByLabelText('固定版本'));
    const node = replacedNode(onChange);
    expect(node.type === 'callActivity' && node.version).toBe(2);
  });

  it('adds an application field at the end, and moves a field up', () => {
    const properties = { applicant: { type: 'string', title: '申请人' }, seats: { type: 'integer', title: '座位数' } };
    const withSchema = { ...definition, dataSchema: { type: 'object', properties } };
    const onChange = renderPanel({ nodeIds: [], edgeIds: [] }, 'zh-CN', withSchema);
    const keys = () => {
      const [change] = lastChange(onChange);
      return change?.type === 'updateSettings' ? Object.keys((change.settings.dataSchema?.properties ?? {}) as object) : [];
    };
    fireEvent.click(screen.getByTestId('app-field-add'));
    expect(keys()).toEqual(['applicant', 'seats', 'field3']);
    fireEvent.click(screen.getByTestId('app-field-1-up'));
    expect(keys()).toEqual(['seats', 'applicant']);
  });
});
