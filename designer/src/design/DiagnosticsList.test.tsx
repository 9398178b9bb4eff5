import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { definitionSchema } from '@tongban/engine';
import fixture from './fixtures/small-approval.json' with { type: 'json' };
import { LocaleProvider } from '../i18n/index.ts';
import { DiagnosticsList, type ShownDiagnostic } from './DiagnosticsList.tsx';

const definition = definitionSchema.parse(fixture);

const diagnostics: ShownDiagnostic[] = [
  { code: 'return-leaves-parallel-block', severity: 'warning', message: "Return edge 'e7' leaves the block of 'split'", nodeId: 'urban', edgeId: 'e7', source: 'live' },
  { code: 'user-task-without-department', severity: 'error', message: "User task 'fire' names no department", nodeId: 'fire', source: 'live' },
  { code: 'no-end-event', severity: 'error', message: "Workflow 'signage-permit' has no end event", source: 'server' },
];

function renderList(shown: ShownDiagnostic[], locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const onSelect = vi.fn<(diagnostic: ShownDiagnostic) => void>();
  render(
    <LocaleProvider initial={locale}>
      <DiagnosticsList diagnostics={shown} definition={definition} onSelect={onSelect} />
    </LocaleProvider>,
  );
  return onSelect;
}

describe('DiagnosticsList', () => {
  it('counts errors and warnings and lists errors first', () => {
    renderList(diagnostics);
    expect(screen.getByTestId('diagnostics-error-count').textContent).toBe('2 个错误');
    expect(screen.getByTestId('diagnostics-warning-count').textContent).toBe('1 个警告');
    expect(screen.getAllByTestId('diagnostic-item').map((item) => item.getAttribute('data-code'))).toEqual([
      'user-task-without-department',
      'no-end-event',
      'return-leaves-parallel-block',
    ]);
  });

  it('names where each problem sits: the node, the edge with its ends, or the process', () => {
    renderList(diagnostics);
    const [task, process, edge] = screen.getAllByTestId('diagnostic-item');
    expect(task?.textContent).toContain('消防审查');
    expect(process?.textContent).toContain('流程');
    expect(edge?.textContent).toContain('e7: urban → intake');
  });

  it('shows the code title in the chosen language beside the engine sentence and marks server findings', () => {
    renderList(diagnostics, 'en-US');
    const [task, process] = screen.getAllByTestId('diagnostic-item');
    expect(task?.textContent).toContain('User task has no department');
    expect(task?.textContent).toContain("User task 'fire' names no department");
    expect(process?.textContent).toContain('server');
    expect(task?.textContent).not.toContain('server');
  });

  it('hands the clicked problem to onSelect, by mouse or keyboard', () => {
    const onSelect = renderList(diagnostics);
    const [task, , edge] = screen.getAllByTestId('diagnostic-item');
    if (task === undefined || edge === undefined) throw new Error('items missing');
    fireEvent.click(edge);
    expect(onSelect).toHaveBeenLastCalledWith(diagnostics[0]);
    fireEvent.keyDown(task, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith(diagnostics[1]);
  });

  it('says so when there is no problem', () => {
    renderList([]);
    expect(screen.getByText('没有发现问题')).toBeTruthy();
    expect(screen.queryAllByTestId('diagnostic-item')).toHaveLength(0);
  });
});
