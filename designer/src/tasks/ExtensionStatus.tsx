import { Alert } from 'antd';
import type { TaskExtension } from '../api/api.types.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { extensionMessages } from './extension.messages.ts';

/**
 * Where an extension of a task's statutory limit stands: requested (awaiting the approver role),
 * approved (from which deadline to which) or refused (with the approver's reason); the clerk's
 * reason and who decided when, below.
 */
export function ExtensionStatus({ extension }: { extension: TaskExtension }) {
  const t = useMessages(extensionMessages);
  const { locale } = useLocale();
  const amount = t.amountText(extension.amount, extension.unit);
  const approver = t.roleNames[extension.approverRole] ?? extension.approverRole;
  const requestedLine = [t.reasonLine(extension.reason), t.byLine(extension.requestedBy ?? '—', formatInstant(extension.requestedAt, locale))].join(' · ');
  if (extension.status === 'approved') {
    return (
      <Alert
        type="success"
        showIcon
        title={t.approved(amount, formatInstant(extension.previousDueAt, locale), formatInstant(extension.dueAt, locale))}
        description={
          <>
            <div>{t.approvedByLine(extension.approvedBy ?? '—', formatInstant(extension.approvedAt, locale))}</div>
            <div>{requestedLine}</div>
          </>
        }
        data-testid="extension-status"
        data-extension-status="approved"
      />
    );
  }
  if (extension.status === 'refused') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t.refused(amount)}
        description={
          <>
            <div>{[t.refusalLine(extension.refusalReason ?? '—'), t.refusedByLine(extension.refusedBy ?? '—', formatInstant(extension.refusedAt, locale))].join(' · ')}</div>
            <div>{requestedLine}</div>
          </>
        }
        data-testid="extension-status"
        data-extension-status="refused"
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      title={t.requested(amount, approver)}
      description={requestedLine}
      data-testid="extension-status"
      data-extension-status="requested"
    />
  );
}
