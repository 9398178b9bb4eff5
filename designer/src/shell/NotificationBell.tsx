import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useUnreadNotificationCount } from '../api/notification-queries.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { navigate } from './router.ts';
import { shellMessages } from './shell.messages.ts';

/** The header's bell: the signed-in user's unread notifications, opening 消息. */
export function NotificationBell() {
  const t = useMessages(shellMessages);
  const unread = useUnreadNotificationCount();
  return (
    <Tooltip title={t.notificationsUnread(unread)}>
      <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
        <Button
          type="text"
          shape="circle"
          aria-label={t.notificationsUnread(unread)}
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          style={{ color: 'rgba(255,255,255,0.85)' }}
          onClick={() => navigate('/messages')}
          data-testid="notification-bell"
        />
      </Badge>
    </Tooltip>
  );
}
