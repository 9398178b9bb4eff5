import type { WorkflowDefinition } from '@tongban/engine';
import { Alert, Card, Descriptions, Flex, Tag, Tooltip, Typography } from 'antd';
import type { CaseDetail, Jurisdiction } from '../api/api.types.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { SlaBadge } from '../sla/SlaBadge.tsx';
import { caseDaysLeft } from '../sla/task-days-left.ts';
import { applicantName } from './applicant-name.ts';
import { casesMessages } from './cases.messages.ts';

const statusColours: Record<string, string> = { active: 'processing', suspended: 'warning', completed: 'success' };

/** The head of the case view: what, who, where, when, its status and the case-level SLA (承诺办结时限). */
export function CaseSummary({
  detail,
  definition,
  jurisdictions,
}: {
  detail: CaseDetail;
  definition: WorkflowDefinition | undefined;
  jurisdictions: Map<string, Jurisdiction>;
}) {
  const t = useMessages(casesMessages);
  const { locale } = useLocale();
  const { case: caseView, sla } = detail;
  const endName = caseView.result === null ? null : (definition?.nodes.find((node) => node.type === 'endEvent' && node.result === caseView.result)?.name ?? caseView.result);
  return (
    <Card data-testid="case-summary">
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex align="center" gap={12} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {detail.definition.name}
            </Typography.Title>
            <Tag color={statusColours[caseView.status]} data-testid="case-status">
              {t.status[caseView.status] ?? caseView.status}
            </Tag>
            {endName !== null && <Tag color="green">{t.result(endName)}</Tag>}
          </Flex>
          <Flex align="center" gap={8}>
            <Typography.Text type="secondary">{t.caseSla}</Typography.Text>
            {sla.promisedDueAt === null && caseView.status !== 'completed' ? (
              <Typography.Text type="secondary">{sla.acceptedAt === null ? t.notAccepted : t.noPromised}</Typography.Text>
            ) : (
              <SlaBadge
                state={sla.slaState}
                left={caseDaysLeft(sla.minutesLeft, definition)}
                atRiskAt={sla.promisedDueAt}
                suspended={caseView.status === 'suspended'}
              />
            )}
          </Flex>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t.caseNumber}>
            <Tooltip title={caseView.id}>
              <Typography.Text copyable={{ text: caseView.caseNumber }} code data-testid="case-number">
                {caseView.caseNumber}
              </Typography.Text>
            </Tooltip>
          </Descriptions.Item>
          <Descriptions.Item label={t.applicant}>{applicantName(caseView.applicant, caseView.data) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.jurisdiction}>{jurisdictions.get(caseView.jurisdictionId)?.name ?? caseView.jurisdictionId}</Descriptions.Item>
          <Descriptions.Item label={t.filedAt}>{formatInstant(caseView.createdAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t.acceptedAt}>{sla.acceptedAt === null ? t.notAccepted : formatInstant(sla.acceptedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t.promisedDue}>{formatInstant(sla.promisedDueAt, locale)}</Descriptions.Item>
        </Descriptions>
        {caseView.status === 'suspended' && caseView.suspendedSince !== null && (
          <Alert type="warning" showIcon title={t.suspendedSince(formatInstant(caseView.suspendedSince, locale))} />
        )}
      </Flex>
    </Card>
  );
}
