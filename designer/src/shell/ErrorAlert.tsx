import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { isApiError } from '../api/api-error.ts';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { apiErrorText } from './api-error-text.ts';
import { errorsMessages } from './errors.messages.ts';

/** An API error as a clear, translated message (409 and 403 worded as what happened). */
export function ErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  const t = useMessages(errorsMessages);
  const type = isApiError(error) && (error.status === 409 || error.status === 403) ? 'warning' : 'error';
  return <Alert type={type} showIcon title={apiErrorText(error, t)} style={style} data-testid="error-alert" />;
}
