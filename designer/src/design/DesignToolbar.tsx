import {
  ApartmentOutlined,
  CloudUploadOutlined,
  CompressOutlined,
  DownloadOutlined,
  DownOutlined,
  FileAddOutlined,
  FolderOpenOutlined,
  RedoOutlined,
  SaveOutlined,
  UndoOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Divider, Dropdown, Flex, Tooltip, Typography } from 'antd';
import { useRef } from 'react';
import { useMessages } from '../i18n/index.ts';
import { designMessages } from './messages.ts';

/** Props of {@link DesignToolbar}. */
export interface DesignToolbarProps {
  title: string;
  /** Where the definition came from and whether it has unsaved changes, in words. */
  status: string;
  canUndo: boolean;
  canRedo: boolean;
  publishing: boolean;
  onNew(): void;
  onOpen(): void;
  onSaveDraft(): void;
  onPublish(): void;
  onUndo(): void;
  onRedo(): void;
  onLayout(): void;
  onFitView(): void;
  onExportDefinition(): void;
  onExportMachine(): void;
  /** Called with the text of the JSON file the user picked. */
  onImport(text: string): void;
  onExportBpmn(): void;
  /** Called with the text and name of the BPMN file the user picked. */
  onImportBpmn(text: string, fileName: string): void;
}

/**
 * The Design screen's commands: file, history, layout, publish, and two menus: 导出 (definition
 * JSON, XState module, BPMN) and 导入 (definition JSON, BPMN), each import a file picker.
 */
export function DesignToolbar(props: DesignToolbarProps) {
  const t = useMessages(designMessages);
  const b = t.toolbar;
  const fileInput = useRef<HTMLInputElement>(null);
  const bpmnInput = useRef<HTMLInputElement>(null);
  return (
    <Flex align="center" gap={4} wrap data-testid="design-toolbar">
      <Typography.Title level={4} style={{ margin: '0 12px 0 0' }} data-testid="design-title">
        {props.title}
      </Typography.Title>
      <Button size="small" icon={<FileAddOutlined />} onClick={props.onNew} data-testid="toolbar-new">
        {b.new}
      </Button>
      <Button size="small" icon={<FolderOpenOutlined />} onClick={props.onOpen} data-testid="toolbar-open">
        {b.open}
      </Button>
      <Tooltip title="Ctrl+S">
        <Button size="small" icon={<SaveOutlined />} onClick={props.onSaveDraft} data-testid="toolbar-save">
          {b.saveDraft}
        </Button>
      </Tooltip>
      <Button size="small" type="primary" icon={<CloudUploadOutlined />} loading={props.publishing} onClick={props.onPublish} data-testid="toolbar-publish">
        {b.publish}
      </Button>
      <Divider orientation="vertical" />
      <Tooltip title="Ctrl+Z">
        <Button size="small" icon={<UndoOutlined />} disabled={!props.canUndo} onClick={props.onUndo} aria-label={b.undo} data-testid="toolbar-undo" />
      </Tooltip>
      <Tooltip title="Ctrl+Y">
        <Button size="small" icon={<RedoOutlined />} disabled={!props.canRedo} onClick={props.onRedo} aria-label={b.redo} data-testid="toolbar-redo" />
      </Tooltip>
      <Button size="small" icon={<ApartmentOutlined />} onClick={props.onLayout} data-testid="toolbar-layout">
        {b.layout}
      </Button>
      <Button size="small" icon={<CompressOutlined />} onClick={props.onFitView} data-testid="toolbar-fit">
        {b.fitView}
      </Button>
      <Divider orientation="vertical" />
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'definition', icon: <DownloadOutlined />, label: <span data-testid="toolbar-export-definition">{b.exportDefinition}</span>, onClick: props.onExportDefinition },
            { key: 'machine', icon: <DownloadOutlined />, label: <span data-testid="toolbar-export-machine">{b.exportMachine}</span>, onClick: props.onExportMachine },
            { key: 'bpmn', icon: <DownloadOutlined />, label: <span data-testid="toolbar-export-bpmn">{b.exportBpmn}</span>, onClick: props.onExportBpmn },
          ],
        }}
      >
        <Button size="small" icon={<DownloadOutlined />} data-testid="toolbar-export">
          {b.export} <DownOutlined />
        </Button>
      </Dropdown>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'definition', icon: <UploadOutlined />, label: <span data-testid="toolbar-import">{b.importDefinition}</span>, onClick: () => fileInput.current?.click() },
            { key: 'bpmn', icon: <UploadOutlined />, label: <span data-testid="toolbar-import-bpmn">{b.importBpmn}</span>, onClick: () => bpmnInput.current?.click() },
          ],
        }}
      >
        <Button size="small" icon={<UploadOutlined />} data-testid="toolbar-import-menu">
          {b.import} <DownOutlined />
        </Button>
      </Dropdown>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) void file.text().then(props.onImport);
        }}
      />
      <input
        ref={bpmnInput}
        type="file"
        accept=".bpmn,.xml,application/xml,text/xml"
        hidden
        data-testid="import-bpmn-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) void file.text().then((text) => props.onImportBpmn(text, file.name));
        }}
      />
      <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }} data-testid="design-status">
        {props.status}
      </Typography.Text>
    </Flex>
  );
}
