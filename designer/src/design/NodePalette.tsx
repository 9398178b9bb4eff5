import { ClockCircleOutlined } from '@ant-design/icons';
import { nodeSchema, type NodeType } from '@tongban/engine';
import { Tooltip, Typography } from 'antd';
import { memo, type DragEvent } from 'react';
import { useMessages } from '../i18n/index.ts';
import { designMessages } from './messages.ts';

/** The drag-and-drop data type a palette item carries: its node type. */
export const paletteMimeType = 'application/x-tongban-node-type';

/** Where the palette puts the types it knows; types the engine adds later follow them. */
const paletteOrder: readonly string[] = ['startEvent', 'userTask', 'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'endEvent'];

function rank(type: string): number {
  const index = paletteOrder.indexOf(type);
  return index === -1 ? paletteOrder.length : index;
}

/** Every node type the engine's schema knows: events, tasks and gateways in the order of a process. */
export const paletteNodeTypes: readonly NodeType[] = nodeSchema.options
  .map((option) => option.shape.type.value)
  .sort((a, b) => rank(a) - rank(b));

/** Whether `value` is a node type of the palette. */
export function isPaletteNodeType(value: string): value is NodeType {
  return (paletteNodeTypes as readonly string[]).includes(value);
}

function PaletteIcon({ type }: { type: NodeType }) {
  switch (type) {
    case 'startEvent':
      return <span className="tb-mini-circle" />;
    case 'endEvent':
      return <span className="tb-mini-circle tb-end" />;
    case 'timerEvent':
      return (
        <span className="tb-mini-circle">
          <ClockCircleOutlined style={{ fontSize: 12 }} />
        </span>
      );
    case 'userTask':
    case 'serviceTask':
    case 'callActivity':
      return <span className="tb-mini-box" />;
    case 'exclusiveGateway':
      return (
        <span className="tb-mini-diamond">
          <span>×</span>
        </span>
      );
    case 'parallelGateway':
      return (
        <span className="tb-mini-diamond">
          <span>+</span>
        </span>
      );
    case 'inclusiveGateway':
      return (
        <span className="tb-mini-diamond">
          <span className="tb-mini-ring" />
        </span>
      );
  }
}

/** The palette: one item per node type, dragged onto the canvas or clicked to add at the centre. */
export const NodePalette = memo(function NodePalette({ onAdd }: { onAdd(type: NodeType): void }) {
  const t = useMessages(designMessages);
  const onDragStart = (event: DragEvent, type: NodeType) => {
    event.dataTransfer.setData(paletteMimeType, type);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <div className="tb-design-palette" data-testid="palette">
      <Typography.Text strong>{t.palette.title}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 11, margin: '2px 0 8px' }}>
        {t.palette.hint}
      </Typography.Paragraph>
      {paletteNodeTypes.map((type) => (
        <Tooltip key={type} title={t.nodeTypeHints[type]} placement="right" mouseEnterDelay={0.6}>
          <div
            className="tb-palette-item"
            draggable
            onDragStart={(event) => onDragStart(event, type)}
            onClick={() => onAdd(type)}
            data-testid={`palette-${type}`}
            data-node-type={type}
          >
            <span className="tb-palette-icon">
              <PaletteIcon type={type} />
            </span>
            {t.nodeTypes[type]}
          </div>
        </Tooltip>
      ))}
    </div>
  );
});
