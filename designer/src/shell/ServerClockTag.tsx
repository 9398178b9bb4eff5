import { FieldTimeOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useServerClock } from '../api/clock-queries.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useLocale, useMessages } from '../i18n/LocaleProvider.tsx';
import { shellMessages } from './shell.messages.ts';

/** The runtime's simulated time, shown in the header only when it runs on a virtual clock. */
export function ServerClockTag() {
  const t = useMessages(shellMessages);
  const { locale } = useLocale();
  const { now, virtual } = useServerClock();
  if (!virtual || now === undefined) return null;
  return (
    <Tooltip title={t.virtualClockHint}>
      <Tag icon={<FieldTimeOutlined />} color="gold" style={{ marginInlineEnd: 0 }} data-testid="virtual-clock">
        {t.virtualClock} {formatInstant(now, locale)}
      </Tag>
    </Tooltip>
  );
}
