import { Space, Tag, Tooltip } from 'antd';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { slaMessages } from './sla.messages.ts';

/**
 * A statutory deadline as local date and time, with a "暂定 / provisional" tag when it was counted
 * across a year whose holiday notice is not loaded (weekends only): it may still move once the
 * notice is out. `—` without a deadline.
 */
export function DueDate({ dueAt, provisional }: { dueAt: string | null; provisional: boolean }) {
  const t = useMessages(slaMessages);
  const { locale } = useLocale();
  if (dueAt === null) return <span>—</span>;
  return (
    <Space size={4} wrap={false}>
      <span>{formatInstant(dueAt, locale)}</span>
      {provisional && (
        <Tooltip title={t.provisional}>
          <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="provisional-tag">
            {t.provisionalTag}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
