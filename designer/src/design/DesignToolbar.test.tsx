import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/index.ts';
import { DesignToolbar, type DesignToolbarProps } from './DesignToolbar.tsx';

function renderToolbar(locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const props: DesignToolbarProps = {
    title: '户外招牌设置',
    status: '新流程',
    canUndo: false,
    canRedo: false,
    publishing: false,
    onNew: vi.fn(),
    onOpen: vi.fn(),
    onSaveDraft: vi.fn(),
    onPublish: vi.fn(),
    onUndo: vi.fn(),
    onRedo: vi.fn(),
    onLayout: vi.fn(),
    onFitView: vi.fn(),
    onExportDefinition: vi.fn(),
    onExportMachine: vi.fn(),
    onImport: vi.fn(),
    onExportBpmn: vi.fn(),
    onImportBpmn: vi.fn(),
  };
  render(
    <LocaleProvider initial={locale}>
      <DesignToolbar {...props} />
    </LocaleProvider>,
  );
  return props;
}

describe('DesignToolbar', () => {
  it('lists BPMN beside JSON and XState in the export and import menus, in the chosen language', async () => {
    renderToolbar('zh-CN');
    fireEvent.click(screen.getByTestId('toolbar-export'));
    expect((await screen.findByTestId('toolbar-export-bpmn')).textContent).toBe('导出 BPMN');
    expect(screen.getByTestId('toolbar-export-machine').textContent).toBe('导出 XState 模块');
    fireEvent.click(screen.getByTestId('toolbar-import-menu'));
    expect((await screen.findByTestId('toolbar-import-bpmn')).textContent).toBe('导入 BPMN');
    expect(screen.getByTestId('toolbar-import').textContent).toBe('导入定义 JSON');
  });

  it('picks a .bpmn or .xml file and hands its text and name to onImportBpmn', async () => {
    const props = renderToolbar('en-US');
    fireEvent.click(screen.getByTestId('toolbar-import-menu'));
    expect((await screen.findByTestId('toolbar-import-bpmn')).textContent).toBe('Import BPMN');
    const input = screen.getByTestId('import-bpmn-file') as HTMLInputElement;
    const picked = vi.spyOn(input, 'click').mockImplementation(() => undefined);
    fireEvent.click(screen.getByTestId('toolbar-import-bpmn'));
    expect(picked).toHaveBeenCalledOnce();
    expect(input.accept).toBe('.bpmn,.xml,application/xml,text/xml');
    fireEvent.change(input, { target: { files: [new File(['<bpmn:definitions/>'], 'permit.bpmn', { type: 'application/xml' })] } });
    await waitFor(() => expect(props.onImportBpmn).toHaveBeenCalledExactlyOnceWith('<bpmn:definitions/>', 'permit.bpmn'));
    expect(props.onImport).not.toHaveBeenCalled();
  });

  it('asks for the BPMN download when Export BPMN is picked', async () => {
    const props = renderToolbar();
    fireEvent.click(screen.getByTestId('toolbar-export'));
    fireEvent.click(await screen.findByTestId('toolbar-export-bpmn'));
    expect(props.onExportBpmn).toHaveBeenCalledOnce();
    expect(props.onExportMachine).not.toHaveBeenCalled();
  });
});
