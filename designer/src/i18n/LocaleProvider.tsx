import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { defaultLocale, isLocale, localeStorageKey, type Locale } from './locale.ts';
import type { Messages } from './define-messages.ts';

interface LocaleContextValue {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleContextValue>({ locale: defaultLocale, setLocale: () => undefined });

function storedLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(localeStorageKey);
  return isLocale(stored) ? stored : defaultLocale;
}

/** Holds the console's language (remembered in `localStorage`) for {@link useLocale} and {@link useMessages}. */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? storedLocale());
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(localeStorageKey, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The current language and a way to change it. */
export function useLocale(): LocaleContextValue {
  return useContext(LocaleContext);
}

/** The current language's dictionary of an area's messages (see `defineMessages`). */
export function useMessages<T>(messages: Messages<T>): T {
  return messages[useLocale().locale];
}
