import type { WorkflowDefinition } from '@tongban/engine';
import { Card, Collapse, Descriptions, Empty, Flex, Typography } from 'antd';
import type { CaseView, Department, TaskView } from '../api/api.types.ts';
import { useUserNames } from '../api/task-operation-queries.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { applicationEntries, describeValue, recordedSections } from './case-data-sections.ts';
import { casesMessages } from './cases.messages.ts';

/**
 * The shared case record: the applicant, the application as filed, and what each department
 * recorded when it decided its task (a licence number, an inspection verdict), so the next
 * department reads it without re-entry; an added signer's approval (加签) under the signer's name.
 */
export function CaseDataPanel({
  caseView,
  tasks,
  definition,
  departments,
  outcomeLabel,
}: {
  caseView: CaseView;
  tasks: TaskView[];
  definition: WorkflowDefinition | undefined;
  departments: Map<string, Department>;
  outcomeLabel(nodeId: string, outcome: string): string;
}) {
  const t = useMessages(casesMessages);
  const { locale } = useLocale();
  const nameOf = useUserNames();
  const words = { yes: t.yes, no: t.no };
  const application = applicationEntries(definition, caseView.data, words);
  const recorded = recordedSections(definition, tasks, words);
  return (
    <Card title={t.caseData} size="small" data-testid="case-data">
      <Collapse
        ghost
        defaultActiveKey={['applicant', 'application', 'recorded']}
        items={[
          {
            key: 'applicant',
            label: <Typography.Text strong>{t.applicantSection}</Typography.Text>,
            children: (
              <Descriptions size="small" column={1} bordered>
                {Object.entries(caseView.applicant).map(([key, value]) => (
                  <Descriptions.Item key={key} label={t.applicantFields[key] ?? key}>
                    {describeValue(value, words)}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ),
          },
          {
            key: 'application',
            label: <Typography.Text strong>{t.applicationSection}</Typography.Text>,
            children: (
              <Descriptions size="small" column={1} bordered data-testid="application-data">
                {application.map((entry) => (
                  <Descriptions.Item key={entry.key} label={entry.label}>
                    {entry.value}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ),
          },
          {
            key: 'recorded',
            label: <Typography.Text strong>{t.recordedSection}</Typography.Text>,
            children:
              recorded.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.nothingRecorded} />
              ) : (
                <Flex vertical gap={12} data-testid="recorded-data">
                  {recorded.map(({ task, entries }) => (
                    <Descriptions
                      key={task.id}
                      size="small"
                      column={1}
                      bordered
                      title={
                        <Flex justify="space-between" gap={8}>
                          <span>
                            {task.signing?.role === 'signer'
                              ? t.recordedBySigner(task.name, nameOf(task.assigneeId))
                              : t.recordedBy(task.name, departments.get(task.departmentId)?.name ?? task.departmentId)}
                          </span>
                          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
                            {formatInstant(task.completedAt, locale)}
                          </Typography.Text>
                        </Flex>
                      }
                    >
                      {task.outcome !== null && (
                        <Descriptions.Item label={t.outcome}>{task.signing?.role === 'signer' ? t.signerApproved : outcomeLabel(task.nodeId, task.outcome)}</Descriptions.Item>
                      )}
                      {entries.map((entry) => (
                        <Descriptions.Item key={entry.key} label={entry.label}>
                          {entry.value}
                        </Descriptions.Item>
                      ))}
                      {task.comment !== null && task.comment !== '' && (
                        <Descriptions.Item label={t.comment}>{task.comment}</Descriptions.Item>
                      )}
                    </Descriptions>
                  ))}
                </Flex>
              ),
          },
        ]}
      />
    </Card>
  );
}
