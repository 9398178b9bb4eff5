import { Button, Result } from 'antd';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { navigate } from './router.ts';
import { shellMessages } from './shell.messages.ts';

/** A full-page notice: a path that names no page, an area the role may not open, or no area at all. */
export function StatusPage({ kind, path }: { kind: 'notFound' | 'forbidden' | 'noArea'; path?: string }) {
  const t = useMessages(shellMessages);
  const home = (
    <Button type="primary" onClick={() => navigate('/')}>
      {t.backHome}
    </Button>
  );
  if (kind === 'notFound') return <Result status="404" title={t.notFoundTitle} subTitle={t.notFoundBody(path ?? '')} extra={home} />;
  if (kind === 'forbidden') return <Result status="403" title={t.forbiddenTitle} subTitle={t.forbiddenBody} extra={home} />;
  return <Result status="info" title={t.noAreaTitle} subTitle={t.noAreaBody} />;
}
