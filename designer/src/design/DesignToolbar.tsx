import {
  ApartmentOutlined,
  CloudUploadOutlined,
  CompressOutlined,
  DownloadOutlined,
  FileAddOutlined,
  FolderOpenOutlined,
  RedoOutlined,
  SaveOutlined,
  UndoOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Divider, Flex, Tooltip, Typography } from 'antd';
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
}

/** The Design screen's commands: file, history, layout, import/export, publish. */
export function DesignToolbar(props: DesignToolbarProps) {
  const t = useMessages(designMessages);
  const b = t.toolbar;
  const fileInput = useRef<HTMLInputElement>(null);
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
      <Button size="small" icon={<DownloadOutlined />} onClick={props.onExportDefinition} data-testid="toolbar-export-definition">
        {b.exportDefinition}
      </Button>
      <Button size="small" icon={<DownloadOutlined />} onClick={props.onExportMachine} data-testid="toolbar-export-machine">
        {b.exportMachine}
      </Button>
      <Button size="small" icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} data-testid="toolbar-import">
        {b.importDefinition}
      </Button>
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
      <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }} data-testid="design-status">
        {props.status}
      </Typography.Text>
    </Flex>
  );
}
