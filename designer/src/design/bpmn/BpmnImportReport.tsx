import { CloseCircleFilled, CloseOutlined, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { BpmnDiagnostic, BpmnDiagnosticCode, BpmnDiagnosticSeverity } from '@tongban/engine';
import { Alert, Button, Collapse, Flex, Tag, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { bpmnMessages, sayFinding, type BpmnWords } from './bpmn.messages.ts';

/** What one BPMN import gave: the file, its findings, and the drawing it became (absent when nothing was imported). */
export interface BpmnImportOutcome {
  fileName: string;
  findings: readonly BpmnDiagnostic[];
  imported?: { name: string; nodes: number; edges: number };
  /** Whether auto-layout placed the nodes (the file had no diagram data for them). */
  laidOut: boolean;
}

/** Props of {@link BpmnImportReport}. */
export interface BpmnImportReportProps {
  outcome: BpmnImportOutcome;
  /** Called when a finding about an imported node or edge is clicked: select and centre it. */
  onSelect(finding: BpmnDiagnostic): void;
  onClose(): void;
}

/** Warnings about what the file held and the drawing lost, listed before those about defaults filled in; each group in document order. */
const lostFirst: readonly BpmnDiagnosticCode[] = [
  'bpmn-other-process',
  'bpmn-unsupported-element',
  'bpmn-dropped-flow',
  'bpmn-foreign-attribute',
  'bpmn-foreign-extension',
  'bpmn-ignored-detail',
  'bpmn-duration-too-long',
  'bpmn-invalid-extension',
  'bpmn-condition-language',
];

function lossRank(finding: BpmnDiagnostic): number {
  const rank = lostFirst.indexOf(finding.code);
  return rank < 0 ? lostFirst.length : rank;
}

const rowStyle: CSSProperties = { padding: '6px 8px', borderBottom: '1px solid #eef1f5' };

const icons: Record<BpmnDiagnosticSeverity, ReactNode> = {
  error: <CloseCircleFilled style={{ color: '#b3261e' }} />,
  warning: <ExclamationCircleFilled style={{ color: '#e08a00' }} />,
  info: <InfoCircleFilled style={{ color: '#1d6fd1' }} />,
};

function FindingRow({ finding, words, onSelect }: { finding: BpmnDiagnostic; words: BpmnWords; onSelect(finding: BpmnDiagnostic): void }) {
  const placed = finding.nodeId !== undefined || finding.edgeId !== undefined;
  const reason = finding.code === 'bpmn-unreadable-xml' || finding.code === 'bpmn-invalid-option' ? finding.params.reason : undefined;
  return (
    <div
      style={{ ...rowStyle, cursor: placed ? 'pointer' : 'default' }}
      {...(placed
        ? {
            role: 'button',
            tabIndex: 0,
            onClick: () => onSelect(finding),
            onKeyDown: (event: { key: string }) => {
              if (event.key === 'Enter' || event.key === ' ') onSelect(finding);
            },
          }
        : {})}
      data-testid="bpmn-finding"
      data-code={finding.code}
      data-severity={finding.severity}
      data-element-id={finding.elementId}
      data-node-id={finding.nodeId}
      data-edge-id={finding.edgeId}
    >
      <Flex gap={6} align="baseline">
        {icons[finding.severity]}
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text style={{ fontSize: 13 }}>{sayFinding(words.findings, finding)}</Typography.Text>
          {reason !== undefined && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {words.readerSaid}: <Typography.Text code>{reason}</Typography.Text>
            </Typography.Text>
          )}
        </Flex>
      </Flex>
    </div>
  );
}

/**
 * The report of one BPMN import, in the designer's language: whether the file became the drawing
 * on the canvas (and was laid out automatically) or nothing was imported, then every finding said
 * from its code and params: errors, then warnings (what the drawing lost before the defaults filled
 * in), the notes folded below them. A finding about
 * an imported node or edge selects and centres it when clicked.
 */
export function BpmnImportReport({ outcome, onSelect, onClose }: BpmnImportReportProps) {
  const words = useMessages(bpmnMessages);
  const errors = outcome.findings.filter((finding) => finding.severity === 'error');
  const warnings = outcome.findings.filter((finding) => finding.severity === 'warning').sort((a, b) => lossRank(a) - lossRank(b));
  const notes = outcome.findings.filter((finding) => finding.severity === 'info');
  const { imported } = outcome;
  return (
    <Flex vertical gap={8} style={{ paddingBottom: 12, marginBottom: 12, borderBottom: '1px solid #dfe3ea' }} data-testid="bpmn-import-report">
      <Flex align="center" gap={8}>
        <Typography.Text strong style={{ flex: 1, minWidth: 0 }} ellipsis={{ tooltip: true }} data-testid="bpmn-import-title">
          {words.title(outcome.fileName)}
        </Typography.Text>
        <Button size="small" type="text" icon={<CloseOutlined />} aria-label={words.close} onClick={onClose} data-testid="bpmn-import-close" />
      </Flex>
      {imported === undefined ? (
        <Alert type="error" showIcon title={words.notImported} data-testid="bpmn-import-outcome" data-imported="false" />
      ) : (
        <Alert type="success" showIcon title={words.imported(imported.name, imported.nodes, imported.edges)} data-testid="bpmn-import-outcome" data-imported="true" />
      )}
      {outcome.laidOut && <Alert type="info" showIcon title={words.laidOut} data-testid="bpmn-import-laid-out" />}
      <Flex gap={8} wrap>
        {errors.length > 0 && <Tag color="error">{words.errors(errors.length)}</Tag>}
        <Tag color={warnings.length > 0 ? 'warning' : 'default'} data-testid="bpmn-import-warning-count">
          {words.warnings(warnings.length)}
        </Tag>
        <Tag data-testid="bpmn-import-note-count">{words.notes(notes.length)}</Tag>
      </Flex>
      <div data-testid="bpmn-findings">
        {[...errors, ...warnings].map((finding, index) => (
          <FindingRow key={`${finding.code}-${index}`} finding={finding} words={words} onSelect={onSelect} />
        ))}
        {notes.length > 0 && (
          <Collapse
            size="small"
            ghost
            items={[
              {
                key: 'notes',
                label: <span data-testid="bpmn-import-notes">{words.notes(notes.length)}</span>,
                children: notes.map((finding, index) => <FindingRow key={`${finding.code}-${index}`} finding={finding} words={words} onSelect={onSelect} />),
              },
            ]}
          />
        )}
      </div>
    </Flex>
  );
}
