import { Segmented } from 'antd';
import { useLocale } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locale.ts';

const options: { label: string; value: Locale }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'EN', value: 'en-US' },
];

/** Switches the console between Simplified Chinese and English. */
export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { locale, setLocale } = useLocale();
  return (
    <Segmented<Locale>
      size={size}
      options={options}
      value={locale}
      onChange={setLocale}
      data-testid="language-switch"
    />
  );
}
