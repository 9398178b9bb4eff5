import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState, type ReactNode } from 'react';
import { isApiError } from '../api/api-error.ts';
import { LocaleProvider, useLocale } from '../i18n/LocaleProvider.tsx';
import { AuthProvider } from './AuthProvider.tsx';
import { tongbanTheme } from './theme.ts';

function AntdLocale({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={tongbanTheme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** A query client that does not retry answers the API gave on purpose (4xx). */
export function createConsoleQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
}

/** Everything a console page needs around it: queries, language, Ant Design locale and theme, the signed-in user. */
export function ConsoleProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createConsoleQueryClient());
  return (
    <QueryClientProvider client={client}>
      <LocaleProvider>
        <AntdLocale>
          <AuthProvider>{children}</AuthProvider>
        </AntdLocale>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
