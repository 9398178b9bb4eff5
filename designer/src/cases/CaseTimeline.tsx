import type { WorkflowDefinition } from '@tongban/engine';
import { Card, Timeline, Typography } from 'antd';
import type { CaseEvent, Department, Jurisdiction, SupplementItem } from '../api/api.types.ts';
import { useUserNames } from '../api/task-operation-queries.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { extensionMessages } from '../tasks/extension.messages.ts';
import { operationEventLine } from '../tasks/operation-event-line.ts';
import { taskOperationsMessages } from '../tasks/task-operations.messages.ts';
import { casesMessages } from './cases.messages.ts';

const colours: Record<string, string> = {
  'task.overdue': 'red',
  'task.escalated': 'red',
  'task.atRisk': 'orange',
  'case.atRisk': 'orange',
  'case.suspended': 'gray',
  'case.completed': 'green',
  'case.accepted': 'green',
  'supplement.requested': 'gray',
  'task.extensionRequested': 'orange',
  'task.extended': 'green',
  'task.extensionRefused': 'orange',
};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The case's audit trail as a timeline, oldest first: who did what and when, in the words of the
 * process (node names, outcome labels, departments). A task's "closed" entry after its decision
 * is left out: the decision already says it.
 */
export function CaseTimeline({
  events,
  definition,
  departments,
  jurisdictions,
  outcomeLabel,
}: {
  events: CaseEvent[];
  definition: WorkflowDefinition | undefined;
  departments: Map<string, Department>;
  jurisdictions: Map<string, Jurisdiction>;
  outcomeLabel(nodeId: string, outcome: string): string;
}) {
  const t = useMessages(casesMessages);
  const x = useMessages(extensionMessages);
  const o = useMessages(taskOperationsMessages);
  const nameOf = useUserNames();
  const { locale } = useLocale();
  const amountOf = (by: unknown) => {
    const duration = by as { amount?: unknown; unit?: unknown } | null;
    return typeof duration?.amount === 'number' && typeof duration.unit === 'string' ? x.amountText(duration.amount, duration.unit) : null;
  };
  const schema = (definition?.dataSchema as { properties?: Record<string, { title?: unknown }> } | undefined)?.properties;
  const fieldLabel = (key: string) => {
    const title = schema?.[key]?.title;
    return typeof title === 'string' ? title : key;
  };
  const itemsLine = (items: SupplementItem[]) =>
    items.map((item) => `${item.kind === 'field' ? fieldLabel(item.field) : t.itemDocument(item.document)}：${item.note}`).join('；');
  const nodeName = (nodeId: unknown) =>
    typeof nodeId === 'string' ? (definition?.nodes.find((node) => node.id === nodeId)?.name ?? nodeId) : null;

  const detail = (event: CaseEvent): string | null => {
    const p = event.payload;
    switch (event.type) {
      case 'task.created': {
        const department = text(p.departmentId);
        const due = text(p.dueAt);
        const handler = signerTaskCreated(event) ? nameOf(text(p.assigneeId)) : department === null ? null : (departments.get(department)?.name ?? department);
        return [
          [text(p.name) ?? nodeName(p.nodeId), handler]
            .filter(Boolean)
            .join(' → '),
          due === null ? null : t.dueLine(formatInstant(due, locale)),
        ]
          .filter(Boolean)
          .join(' · ');
      }
      case 'task.completed': {
        const nodeId = text(p.nodeId);
        const outcome = text(p.outcome);
        const returnTo = text(p.returnTo);
        return [
          nodeName(nodeId),
          nodeId !== null && outcome !== null ? outcomeLabel(nodeId, outcome) : null,
          returnTo === null ? null : t.returnedTo(nodeName(returnTo) ?? returnTo),
          text(p.comment),
        ]
          .filter(Boolean)
          .join(' · ');
      }
      case 'task.closed':
        return [nodeName(p.nodeId), t.closeReasons[text(p.reason) ?? ''] ?? text(p.reason)].filter(Boolean).join(' · ');
      case 'task.escalated': {
        const to = Array.isArray(p.to) ? p.to.map((id) => jurisdictions.get(String(id))?.name ?? String(id)).join('、') : null;
        return [nodeName(p.nodeId), to === null ? null : t.escalatedTo(to)].filter(Boolean).join(' · ');
      }
      case 'task.extensionRequested':
      case 'task.extensionRefused':
        return [nodeName(p.nodeId), amountOf(p.by), text(p.reason)].filter(Boolean).join(' · ');
      case 'task.extended': {
        const from = text(p.previousDueAt);
        const to = text(p.dueAt);
        return [nodeName(p.nodeId), amountOf(p.by), from !== null && to !== null ? t.extendedLine(formatInstant(from, locale), formatInstant(to, locale)) : null]
          .filter(Boolean)
          .join(' · ');
      }
      case 'supplement.requested':
        return Array.isArray(p.items) ? itemsLine(p.items as SupplementItem[]) : null;
      case 'case.supplemented': {
        const parts = [
          ...(Array.isArray(p.fields) ? p.fields.map((key) => fieldLabel(String(key))) : []),
          ...(Array.isArray(p.documents) ? p.documents.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))) : []),
        ];
        const channel = typeof p.channel === 'string' ? (t.channel[p.channel] ?? p.channel) : null;
        return [channel, parts.join('、')].filter((part) => part !== null && part !== '').join(' · ');
      }
      case 'case.completed':
        return text(p.result);
      case 'case.migrated':
        return t.migratedLine(Number(p.fromVersion), Number(p.toVersion));
      default:
        return operationEventLine(event, o, nameOf, (id) => departments.get(id)?.name ?? id) ?? nodeName(p.nodeId);
    }
  };

  const shown = events.filter((event) => !(event.type === 'task.closed' && event.payload.reason === 'completed'));
  return (
    <Card title={t.timeline} size="small" data-testid="case-timeline">
      <Timeline
        items={shown.map((event) => {
          const line = detail(event);
          return {
            key: event.id,
            color: colours[event.type] ?? 'blue',
            content: (
              <div data-testid={`timeline-${event.type}`}>
                <Typography.Text strong style={{ display: 'block' }}>
                  {signerTaskCreated(event) ? t.signerTaskCreated : (t.events[event.type] ?? o.events[event.type] ?? event.type)}
                </Typography.Text>
                {line !== null && line !== '' && <div>{line}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {formatInstant(event.at, locale)} · {event.actorName ?? (event.actorId === null ? t.system : nameOf(event.actorId))}
                </Typography.Text>
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}

/** Whether `event` opened an added signer's task (加签), which goes to the signer rather than a department. */
function signerTaskCreated(event: CaseEvent): boolean {
  const signing = event.payload.signing as { role?: unknown } | undefined;
  return event.type === 'task.created' && signing?.role === 'signer';
}
