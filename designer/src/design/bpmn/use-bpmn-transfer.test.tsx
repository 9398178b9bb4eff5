import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { definitionSchema, importBpmn, type WorkflowDefinition } from '@tongban/engine';
import { App as AntApp } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fixture from '../fixtures/small-approval.json' with { type: 'json' };
import { LocaleProvider } from '../../i18n/index.ts';
import type { BpmnImportOutcome } from './BpmnImportReport.tsx';
import { useBpmnTransfer } from './use-bpmn-transfer.ts';

const onCanvas = definitionSchema.parse(fixture);

const permit = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <bpmn:process id="permit" name="Permit" isExecutable="true">
    <bpmn:startEvent id="start" name="Apply"/>
    <bpmn:userTask id="review" name="Review"/>
    <bpmn:endEvent id="end" name="Done"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

function Harness({ dirty, onLoad, onReport }: { dirty: boolean; onLoad(definition: WorkflowDefinition): void; onReport(outcome: BpmnImportOutcome): void }) {
  const bpmn = useBpmnTransfer({ definition: onCanvas, dirty, loadImported: onLoad, showReport: onReport });
  return (
    <>
      <button type="button" onClick={() => void bpmn.importFile(permit, 'permit.bpmn')}>
        import-permit
      </button>
      <button type="button" onClick={() => void bpmn.importFile('<html/>', 'page.html')}>
        import-page
      </button>
      <button type="button" onClick={() => void bpmn.exportFile()}>
        export
      </button>
    </>
  );
}

function renderHarness(dirty: boolean) {
  const onLoad = vi.fn<(definition: WorkflowDefinition) => void>();
  const onReport = vi.fn<(outcome: BpmnImportOutcome) => void>();
  render(
    <LocaleProvider initial="zh-CN">
      <AntApp>
        <Harness dirty={dirty} onLoad={onLoad} onReport={onReport} />
      </AntApp>
    </LocaleProvider>,
  );
  return { onLoad, onReport };
}

const objectUrls = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };

afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(URL, objectUrls);
});

describe('useBpmnTransfer', () => {
  it('imports a file at once when the canvas has nothing unsaved, and reports what it became', async () => {
    const { onLoad, onReport } = renderHarness(false);
    fireEvent.click(screen.getByText('import-permit'));
    await waitFor(() => expect(onReport).toHaveBeenCalledOnce());
    expect(onLoad.mock.calls[0]?.[0].nodes.map((node) => node.id)).toEqual(['start', 'review', 'end']);
    expect(onReport.mock.calls[0]?.[0]).toMatchObject({ fileName: 'permit.bpmn', imported: { name: 'Permit', nodes: 3, edges: 2 }, laidOut: true });
    expect(screen.queryAllByText('放弃未保存的修改？')).toEqual([]);
  });

  it('asks before replacing unsaved changes, and leaves the canvas as it is when the designer cancels', async () => {
    const { onLoad, onReport } = renderHarness(true);
    fireEvent.click(screen.getByText('import-permit'));
    expect((await screen.findAllByText('放弃未保存的修改？')).length).toBeGreaterThan(0);
    await act(async () => {
      fireEvent.click(screen.getByTestId('bpmn-discard-cancel'));
    });
    expect(onLoad).not.toHaveBeenCalled();
    expect(onReport).not.toHaveBeenCalled();
  });

  it('replaces unsaved changes once the designer agrees', async () => {
    const { onLoad, onReport } = renderHarness(true);
    fireEvent.click(screen.getByText('import-permit'));
    fireEvent.click(await screen.findByTestId('bpmn-discard-confirm'));
    await waitFor(() => expect(onReport).toHaveBeenCalledOnce());
    expect(onLoad).toHaveBeenCalledOnce();
  });

  it('reports a file it cannot read without asking and without touching the canvas', async () => {
    const { onLoad, onReport } = renderHarness(true);
    fireEvent.click(screen.getByText('import-page'));
    await waitFor(() => expect(onReport).toHaveBeenCalledOnce());
    expect(onReport.mock.calls[0]?.[0]).toMatchObject({ fileName: 'page.html', findings: [{ code: 'bpmn-unreadable-xml', severity: 'error' }] });
    expect(onReport.mock.calls[0]?.[0].imported).toBeUndefined();
    expect(onLoad).not.toHaveBeenCalled();
    expect(screen.queryAllByText('放弃未保存的修改？')).toEqual([]);
    expect(await screen.findByText('无法导入 page.html')).toBeTruthy();
  });

  it('downloads the drawing as <key>.bpmn, which imports back to the same nodes, edges and positions', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:bpmn'), revokeObjectURL: () => undefined });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    renderHarness(false);
    await act(async () => {
      fireEvent.click(screen.getByText('export'));
    });
    await waitFor(() => expect(names).toEqual(['signage-permit.bpmn']));
    expect(blobs[0]?.type).toBe('application/xml');
    const back = await importBpmn(await (blobs[0] as Blob).text());
    expect(back.definition?.nodes.map((node) => [node.id, node.type, node.position])).toEqual(onCanvas.nodes.map((node) => [node.id, node.type, node.position]));
    expect(back.definition?.edges.map((edge) => [edge.id, edge.source, edge.target])).toEqual(onCanvas.edges.map((edge) => [edge.id, edge.source, edge.target]));
  });
});
