import { useMessages } from '../i18n/LocaleProvider.tsx';
import { apiErrorText } from './api-error-text.ts';
import { errorsMessages } from './errors.messages.ts';

/** `apiErrorText` in the current language, for toasts. */
export function useApiErrorText(): (error: unknown) => string {
  const t = useMessages(errorsMessages);
  return (error) => apiErrorText(error, t);
}
