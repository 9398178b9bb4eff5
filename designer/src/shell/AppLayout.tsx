import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { CurrentUser } from '../api/api.types.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { areaPaths, type Area } from './areas.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { navigate } from './router.ts';
import { ServerClockTag } from './ServerClockTag.tsx';
import { shellMessages } from './shell.messages.ts';
import { TongbanMark } from './TongbanMark.tsx';

const headerStyle: CSSProperties = { display: 'flex', alignItems: 'center', gap: 24 };
const menuStyle: CSSProperties = { flex: 1, minWidth: 0, borderBottom: 'none' };
const userTextStyle: CSSProperties = { color: 'rgba(255,255,255,0.92)', lineHeight: 1.25 };
const userSubStyle: CSSProperties = { color: 'rgba(255,255,255,0.65)', fontSize: 12, lineHeight: 1.25 };
const contentStyle: CSSProperties = { padding: '20px 24px', minHeight: 'calc(100vh - 56px - 48px)' };
const footerStyle: CSSProperties = { textAlign: 'center', color: '#8c97a6', fontSize: 12, padding: '12px 24px' };

/**
 * The frame of every signed-in page: the title, navigation by role, the user with their department
 * and jurisdiction, the language switch, the bell of their 消息 and sign-out.
 */
export function AppLayout({
  user,
  areas,
  current,
  onSignOut,
  children,
}: {
  user: CurrentUser;
  areas: Area[];
  current: Area | null;
  onSignOut(): void;
  children: ReactNode;
}) {
  const t = useMessages(shellMessages);
  const labels: Record<Area, string> = { design: t.navDesign, tasks: t.navTasks, monitor: t.navMonitor, calendars: t.navCalendars };
  const roleNames = user.roles.map((role) => t.roleNames[role] ?? role).join('、');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={headerStyle}>
        <Flex align="center" gap={10} style={{ cursor: 'pointer' }} onClick={() => navigate('/')}>
          <TongbanMark size={30} />
          <Flex vertical>
            <Typography.Text strong style={{ color: '#fff', fontSize: 17, lineHeight: 1.2 }} data-testid="app-title">
              通办 Tongban
            </Typography.Text>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.6)', fontSize: 11, lineHeight: 1.2 }}>
              {t.productSubtitle}
            </Typography.Text>
          </Flex>
        </Flex>
        <Menu
          theme="dark"
          mode="horizontal"
          style={menuStyle}
          selectedKeys={current === null ? [] : [current]}
          items={areas.map((area) => ({ key: area, label: <span data-testid={`nav-${area}`}>{labels[area]}</span> }))}
          onClick={({ key }) => navigate(areaPaths[key as Area])}
        />
        <Space size={16} align="center">
          <ServerClockTag />
          <LanguageSwitch />
          <NotificationBell />
          <Flex align="center" gap={8} data-testid="current-user">
            <Avatar size={30} icon={<UserOutlined />} style={{ background: '#2d6cb5' }} />
            <Flex vertical>
              <Tooltip title={`${t.roles}: ${roleNames}`}>
                <span style={userTextStyle}>
                  {user.displayName} <span style={userSubStyle}>· {roleNames}</span>
                </span>
              </Tooltip>
              <span style={userSubStyle} data-testid="current-department">
                {user.department.name} · {user.jurisdiction.name}
              </span>
            </Flex>
          </Flex>
          <Button
            type="text"
            icon={<LogoutOutlined />}
            style={{ color: 'rgba(255,255,255,0.85)' }}
            onClick={onSignOut}
            data-testid="sign-out"
          >
            {t.signOut}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={contentStyle}>{children}</Layout.Content>
      <Layout.Footer style={footerStyle}>{t.footer}</Layout.Footer>
    </Layout>
  );
}
