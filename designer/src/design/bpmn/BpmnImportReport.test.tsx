import { fireEvent, render, screen, within } from '@testing-library/react';
import type { BpmnDiagnostic } from '@tongban/engine';
import { describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../i18n/index.ts';
import { BpmnImportReport, type BpmnImportOutcome } from './BpmnImportReport.tsx';

const findings: BpmnDiagnostic[] = [
  {
    code: 'bpmn-missing-calendar',
    severity: 'warning',
    message: "Process 'permit' names no tongban:calendar; working time is counted on 'cn-mainland'",
    elementId: 'permit',
    elementType: 'bpmn:Process',
    params: { calendar: 'cn-mainland' },
  },
  {
    code: 'bpmn-missing-layout',
    severity: 'info',
    message: "bpmn:StartEvent 'start' has no shape in the diagram; it has no position",
    elementId: 'start',
    elementType: 'bpmn:StartEvent',
    nodeId: 'start',
    params: {},
  },
  {
    code: 'bpmn-unsupported-element',
    severity: 'warning',
    message: "bpmn:ScriptTask 'score' ('Score') is not imported: Tongban runs no scripts",
    elementId: 'score',
    elementType: 'bpmn:ScriptTask',
    params: { reason: 'no-counterpart', name: 'Score' },
  },
  {
    code: 'bpmn-foreign-attribute',
    severity: 'warning',
    message: "bpmn:UserTask 'review' has camunda:assignee=\"demo\", which Tongban does not read; it is left out",
    elementId: 'review',
    elementType: 'bpmn:UserTask',
    nodeId: 'review',
    params: { attribute: 'camunda:assignee', value: 'demo' },
  },
];

const imported: BpmnImportOutcome = { fileName: 'permit.bpmn', findings, imported: { name: 'Permit', nodes: 3, edges: 2 }, laidOut: true };

function renderReport(outcome: BpmnImportOutcome, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const onSelect = vi.fn<(finding: BpmnDiagnostic) => void>();
  const onClose = vi.fn<() => void>();
  render(
    <LocaleProvider initial={locale}>
      <BpmnImportReport outcome={outcome} onSelect={onSelect} onClose={onClose} />
    </LocaleProvider>,
  );
  return { onSelect, onClose };
}

describe('BpmnImportReport', () => {
  it('says the file became a new unsaved drawing, laid out automatically, and lists what was lost before the defaults and the folded notes', () => {
    renderReport(imported);
    expect(screen.getByTestId('bpmn-import-title').textContent).toBe('BPMN 导入：permit.bpmn');
    expect(screen.getByTestId('bpmn-import-outcome').textContent).toContain('已导入为新的未保存流程“Permit”：3 个节点，2 条连线。');
    expect(screen.getByTestId('bpmn-import-laid-out').textContent).toBe('文件没有图形数据（BPMN DI），节点已自动布局。');
    expect(screen.getByTestId('bpmn-import-warning-count').textContent).toBe('3 个警告');
    expect(screen.getAllByTestId('bpmn-finding').map((row) => row.getAttribute('data-code'))).toEqual([
      'bpmn-unsupported-element',
      'bpmn-foreign-attribute',
      'bpmn-missing-calendar',
    ]);
    fireEvent.click(screen.getByTestId('bpmn-import-notes'));
    expect(screen.getAllByTestId('bpmn-finding').map((row) => row.getAttribute('data-code'))).toContain('bpmn-missing-layout');
  });

  it('names the element left out and the attribute of another tool in the chosen language', () => {
    renderReport(imported, 'en-US');
    const [element, attribute] = screen.getAllByTestId('bpmn-finding');
    expect(element?.textContent).toBe("Script task 'score' ('Score') is not imported: Tongban runs no scripts");
    expect(attribute?.textContent).toBe('User task \'review\' has camunda:assignee="demo", another tool\'s attribute Tongban does not read; it is left out');
    expect(screen.getByTestId('bpmn-import-warning-count').textContent).toBe('3 warnings');
  });

  it('hands a finding about an imported node to onSelect, and offers none for an element left out', () => {
    const { onSelect } = renderReport(imported);
    const [element, attribute] = screen.getAllByTestId('bpmn-finding');
    if (element === undefined || attribute === undefined) throw new Error('findings missing');
    expect(element.getAttribute('role')).toBeNull();
    fireEvent.click(element);
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.keyDown(attribute, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledExactlyOnceWith(findings[3]);
  });

  it('says nothing was imported and quotes the reader when the file cannot be read', () => {
    const { onClose } = renderReport({
      fileName: 'notes.txt',
      findings: [
        {
          code: 'bpmn-unreadable-xml',
          severity: 'error',
          message: 'The document is not BPMN 2.0 XML: unparsable content <x> detected',
          params: { reason: 'unparsable content <x> detected' },
        },
      ],
      laidOut: false,
    });
    const outcome = screen.getByTestId('bpmn-import-outcome');
    expect(outcome.getAttribute('data-imported')).toBe('false');
    expect(outcome.textContent).toBe('未导入任何内容，画布保持不变。');
    const [row] = screen.getAllByTestId('bpmn-finding');
    expect(row?.getAttribute('data-severity')).toBe('error');
    expect(within(row as HTMLElement).getByText('unparsable content <x> detected')).toBeTruthy();
    expect(row?.textContent).toContain('文件不是 BPMN 2.0 XML，无法读取');
    fireEvent.click(screen.getByTestId('bpmn-import-close'));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
