import { ArrowLeftOutlined } from '@ant-design/icons';
import { builtInOutcomes, type BuiltInOutcome } from '@tongban/engine';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useCase } from '../api/case-queries.ts';
import { useDefinitionVersion, useDepartments, useJurisdictions } from '../api/reference-queries.ts';
import { ProcessDiagram } from '../design/ProcessDiagram.tsx';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { useAuth } from '../shell/AuthProvider.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { useLocationPath } from '../shell/router.ts';
import { TaskWorkbench } from '../tasks/TaskWorkbench.tsx';
import { workbenchMessages } from '../tasks/workbench.messages.ts';
import { CaseActions } from './CaseActions.tsx';
import { CaseDataPanel } from './CaseDataPanel.tsx';
import { CaseSummary } from './CaseSummary.tsx';
import { CaseTasksTable } from './CaseTasksTable.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { WindowSupplementDialog } from './WindowSupplementDialog.tsx';
import { canFileCases } from '../intake/can-file-cases.ts';
import { casesMessages } from './cases.messages.ts';

/**
 * The case view (`/cases/:id`), reached from the inbox and the monitor: the summary with the case
 * SLA; the workbench of the task named by `?task=` (or the viewer's own open task of the case);
 * the process diagram with the current position; every task; the shared case data; the timeline.
 */
export function CasePage({ caseId }: { caseId: string }) {
  const t = useMessages(casesMessages);
  const w = useMessages(workbenchMessages);
  const { user } = useAuth();
  const { search } = useLocationPath();
  const detail = useCase(caseId);
  const [windowOpen, setWindowOpen] = useState(false);
  const version = useDefinitionVersion(detail.data?.case.definitionKey, detail.data?.case.definitionVersion);
  const departments = useDepartments();
  const jurisdictions = useJurisdictions();
  const definition = version.data?.definition;

  const outcomeLabel = useCallback(
    (nodeId: string, outcome: string) => {
      const node = definition?.nodes.find((candidate) => candidate.id === nodeId);
      const label = node?.type === 'userTask' ? node.outcomes.find((candidate) => candidate.id === outcome)?.label : undefined;
      if (label !== undefined) return label;
      return (builtInOutcomes as readonly string[]).includes(outcome) ? w.defaultLabels[outcome as BuiltInOutcome] : outcome;
    },
    [definition, w.defaultLabels],
  );

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => window.history.back()} style={{ paddingInline: 0 }}>
      {t.back}
    </Button>
  );
  if (detail.isError) {
    return (
      <Flex vertical gap={12} data-testid="case-page">
        {back}
        <ErrorAlert error={detail.error} />
      </Flex>
    );
  }
  if (detail.data === undefined) return <Skeleton active paragraph={{ rows: 10 }} />;

  const { case: caseView, tasks, timeline, activeNodes } = detail.data;
  const requested = search.get('task');
  const ownOpen = tasks.find(
    (task) =>
      (task.status === 'open' || task.status === 'claimed') &&
      ((task.assigneeId !== null && task.assigneeId === user?.id) || (task.departmentId === user?.department.id && user.roles.includes(task.candidateRole))),
  );
  const selected = tasks.find((task) => task.id === requested) ?? ownOpen ?? null;
  const pendingSupplement = tasks.find((task) => task.supplementRequest != null && task.supplementRequest.answeredAt === undefined)?.supplementRequest;
  const mayRecordAtWindow =
    user !== null && user !== undefined && canFileCases(user) && caseView.status === 'suspended' && caseView.suspensionReason === 'supplement' && pendingSupplement != null;
  const schema = (definition?.dataSchema as { properties?: Record<string, { title?: unknown }> } | undefined)?.properties;
  const fieldLabel = (key: string) => {
    const title = schema?.[key]?.title;
    return typeof title === 'string' ? title : key;
  };

  return (
    <Flex vertical gap={16} data-testid="case-page" data-case-status={caseView.status}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        {back}
        <CaseActions detail={detail.data} />
      </Flex>
      <CaseSummary detail={detail.data} definition={definition} jurisdictions={jurisdictions} />
      {pendingSupplement != null && caseView.status === 'suspended' && (
        <Alert
          type="warning"
          showIcon
          data-testid="supplement-pending"
          title={t.supplementAsked}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {pendingSupplement.items.map((item) => (
                <li key={item.kind === 'field' ? `f:${item.field}` : `d:${item.document}`}>
                  {item.kind === 'field' ? fieldLabel(item.field) : t.itemDocument(item.document)}：{item.note}
                </li>
              ))}
            </ul>
          }
          action={
            mayRecordAtWindow ? (
              <Button type="primary" onClick={() => setWindowOpen(true)} data-testid="record-window-supplement">
                {t.windowRecord}
              </Button>
            ) : undefined
          }
        />
      )}
      {pendingSupplement != null && (
        <WindowSupplementDialog open={windowOpen} caseId={caseView.id} request={pendingSupplement} fieldLabel={fieldLabel} onClose={() => setWindowOpen(false)} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            {selected !== null && definition !== undefined && (
              <TaskWorkbench
                task={selected}
                caseView={caseView}
                definition={definition}
                departmentName={departments.get(selected.departmentId)?.name ?? selected.departmentId}
              />
            )}
            <Card
              size="small"
              title={t.diagram}
              extra={<Typography.Text type="secondary">{t.diagramHint}</Typography.Text>}
              styles={{ body: { padding: 0 } }}
            >
              {definition === undefined ? (
                <Skeleton active style={{ padding: 16 }} />
              ) : (
                <ProcessDiagram definition={definition} activeNodeIds={activeNodes} height={380} />
              )}
            </Card>
            <CaseTasksTable tasks={tasks} definition={definition} departments={departments} selectedTaskId={selected?.id ?? null} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <CaseDataPanel caseView={caseView} tasks={tasks} definition={definition} departments={departments} outcomeLabel={outcomeLabel} />
            <CaseTimeline
              events={timeline}
              definition={definition}
              departments={departments}
              jurisdictions={jurisdictions}
              outcomeLabel={outcomeLabel}
            />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
