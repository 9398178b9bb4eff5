import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { Diagnostic, WorkflowDefinition } from '@tongban/engine';
import { Empty, Flex, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useMessages } from '../i18n/index.ts';
import { designMessages } from './messages.ts';

/** A diagnostic and where it came from: the engine in the browser, or the server on publish. */
export interface ShownDiagnostic extends Diagnostic {
  source: 'live' | 'server';
}

/** Props of {@link DiagnosticsList}. */
export interface DiagnosticsListProps {
  diagnostics: readonly ShownDiagnostic[];
  definition: WorkflowDefinition;
  /** Called when a problem is clicked: select and centre its node or edge. */
  onSelect(diagnostic: ShownDiagnostic): void;
}

const itemStyle: CSSProperties = {
  padding: '6px 8px',
  borderBottom: '1px solid #eef1f5',
  cursor: 'pointer',
};

/**
 * The problems of the definition, errors first: the code's title in the designer's language,
 * the engine's sentence, and the node or edge it sits on. A click selects and centres it.
 */
export function DiagnosticsList({ diagnostics, definition, onSelect }: DiagnosticsListProps) {
  const t = useMessages(designMessages);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const where = (diagnostic: Diagnostic): string => {
    if (diagnostic.edgeId !== undefined) {
      const edge = definition.edges.find((e) => e.id === diagnostic.edgeId);
      return edge === undefined ? diagnostic.edgeId : `${diagnostic.edgeId}: ${edge.source} → ${edge.target}`;
    }
    if (diagnostic.nodeId !== undefined) {
      return definition.nodes.find((n) => n.id === diagnostic.nodeId)?.name ?? diagnostic.nodeId;
    }
    return t.problems.definitionLevel;
  };
  return (
    <Flex vertical data-testid="diagnostics-list">
      <Flex gap={8} style={{ padding: '4px 0 8px' }}>
        <Tag color={errors.length > 0 ? 'error' : 'default'} data-testid="diagnostics-error-count">
          {t.problems.errors(errors.length)}
        </Tag>
        <Tag color={warnings.length > 0 ? 'warning' : 'default'} data-testid="diagnostics-warning-count">
          {t.problems.warnings(warnings.length)}
        </Tag>
      </Flex>
      {diagnostics.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.problems.none} />}
      {[...errors, ...warnings].map((diagnostic, index) => (
        <div
          key={`${diagnostic.source}-${index}`}
          role="button"
          tabIndex={0}
          style={itemStyle}
          onClick={() => onSelect(diagnostic)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') onSelect(diagnostic);
          }}
          data-testid="diagnostic-item"
          data-code={diagnostic.code}
          data-severity={diagnostic.severity}
          data-node-id={diagnostic.nodeId}
          data-edge-id={diagnostic.edgeId}
        >
          <Flex gap={6} align="baseline">
            {diagnostic.severity === 'error' ? (
              <CloseCircleFilled style={{ color: '#b3261e' }} />
            ) : (
              <ExclamationCircleFilled style={{ color: '#e08a00' }} />
            )}
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text strong>
                {t.diagnostics[diagnostic.code] ?? diagnostic.code}
                {diagnostic.source === 'server' && (
                  <Tag style={{ marginLeft: 6 }} color="blue">
                    {t.problems.server}
                  </Tag>
                )}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {where(diagnostic)} · {diagnostic.message}
              </Typography.Text>
            </Flex>
          </Flex>
        </div>
      ))}
    </Flex>
  );
}
