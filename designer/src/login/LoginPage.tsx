import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import { isApiError } from '../api/api-error.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import { headerColor } from '../shell/theme.ts';
import { TongbanMark } from '../shell/TongbanMark.tsx';
import { loginMessages } from './login.messages.ts';

/** Password of every seeded demo account (see the runtime's seed). */
const demoPassword = 'tongban123';

const pageStyle: CSSProperties = {
  minHeight: '100vh',
  background: `linear-gradient(180deg, ${headerColor} 0, ${headerColor} 280px, #f3f5f8 280px)`,
  padding: '56px 16px',
};

interface Credentials {
  username: string;
  password: string;
}

/** The sign-in page, with the demo accounts to try. */
export function LoginPage({ onSignIn }: { onSignIn(username: string, password: string): Promise<unknown> }) {
  const t = useMessages(loginMessages);
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await onSignIn(username.trim(), password);
    } catch (cause) {
      setError(isApiError(cause, 0) ? t.unreachable : isApiError(cause) && cause.status >= 500 ? cause.message : t.failed);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div style={pageStyle}>
      <Flex vertical align="center" gap={24}>
        <Flex align="center" gap={14}>
          <TongbanMark size={48} />
          <Flex vertical>
            <Typography.Title level={2} style={{ color: '#fff', margin: 0, letterSpacing: 1 }}>
              通办 Tongban
            </Typography.Title>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}>{t.subtitle}</Typography.Text>
          </Flex>
        </Flex>
        <Card style={{ width: 420, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
          <Flex justify="space-between" align="center" style={{ marginBottom: 20 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t.title}
            </Typography.Title>
            <LanguageSwitch />
          </Flex>
          {error !== null && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} data-testid="login-form">
            <Form.Item name="username" label={t.username} rules={[{ required: true, message: t.usernameRequired }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t.password} rules={[{ required: true, message: t.passwordRequired }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
              {t.submit}
            </Button>
          </Form>
        </Card>
        <Card size="small" title={t.demoTitle} style={{ width: 420, maxWidth: '100%' }} data-testid="demo-hint">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t.demoHint(demoPassword)}
          </Typography.Paragraph>
          <Flex vertical gap={4}>
            {Object.entries(t.demoAccounts).map(([username, description]) => (
              <Flex key={username} justify="space-between" align="center">
                <Tag
                  style={{ cursor: 'pointer', fontFamily: 'monospace' }}
                  onClick={() => form.setFieldsValue({ username, password: demoPassword })}
                >
                  {username}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {description}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        </Card>
      </Flex>
    </div>
  );
}
