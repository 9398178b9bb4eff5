import { BpmnExportError, exportBpmn, type WorkflowDefinition } from '@tongban/engine';
import { App } from 'antd';
import { useCallback } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { downloadFile } from '../download-file.ts';
import { bpmnMessages } from './bpmn.messages.ts';
import type { BpmnImportOutcome } from './BpmnImportReport.tsx';
import { readBpmnFile } from './read-bpmn-file.ts';

/** What the Design screen gives BPMN import and export. */
export interface BpmnTransferHost {
  /** The drawing on the canvas. */
  definition: WorkflowDefinition;
  /** Whether it has changes not saved as a draft or published. */
  dirty: boolean;
  /** Puts an imported definition on the canvas as a new unsaved drawing. */
  loadImported(definition: WorkflowDefinition): void;
  /** Shows the report of an import (after `loadImported`, when the file was imported). */
  showReport(outcome: BpmnImportOutcome): void;
}

/** BPMN import and export of the Design screen. */
export interface BpmnTransfer {
  /** Imports the text of a BPMN file (asking first when the canvas has unsaved changes). */
  importFile(text: string, fileName: string): Promise<void>;
  /** Downloads the drawing as BPMN 2.0 XML with diagram data (`<key>.bpmn`). */
  exportFile(): Promise<void>;
}

/**
 * BPMN in the console: a picked file is read by the engine in the browser (`readBpmnFile`); what
 * cannot be imported is reported and the canvas is left as it was; what can replaces the canvas as
 * a new unsaved drawing, after the designer agrees to lose unsaved changes, with its findings in
 * the report. Export writes the drawing with the engine's `exportBpmn`.
 */
export function useBpmnTransfer({ definition, dirty, loadImported, showReport }: BpmnTransferHost): BpmnTransfer {
  const words = useMessages(bpmnMessages);
  const { message, modal } = App.useApp();

  const confirmDiscard = useCallback(
    (fileName: string) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: words.discardTitle,
          content: words.discardContent(fileName),
          okText: words.discardConfirm,
          cancelText: words.cancel,
          okButtonProps: { 'data-testid': 'bpmn-discard-confirm' } as Record<string, string>,
          cancelButtonProps: { 'data-testid': 'bpmn-discard-cancel' } as Record<string, string>,
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal, words],
  );

  const importFile = useCallback(
    async (text: string, fileName: string) => {
      const reading = await readBpmnFile(text);
      if (reading.definition === undefined) {
        showReport({ fileName, findings: reading.findings, laidOut: false });
        void message.error(words.importFailed(fileName));
        return;
      }
      if (dirty && !(await confirmDiscard(fileName))) return;
      const imported = reading.definition;
      loadImported(imported);
      showReport({
        fileName,
        findings: reading.findings,
        imported: { name: imported.name, nodes: imported.nodes.length, edges: imported.edges.length },
        laidOut: reading.laidOut,
      });
    },
    [dirty, confirmDiscard, loadImported, showReport, message, words],
  );

  const exportFile = useCallback(async () => {
    try {
      downloadFile(`${definition.key}.bpmn`, await exportBpmn(definition), 'application/xml');
    } catch (cause) {
      if (!(cause instanceof BpmnExportError)) throw cause;
      void message.error(words.exportFailed(cause.workflowKey));
    }
  }, [definition, message, words]);

  return { importFile, exportFile };
}
