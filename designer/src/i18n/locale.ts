/** Languages the console speaks: Simplified Chinese first (the default), English second. */
export const locales = ['zh-CN', 'en-US'] as const;

/** One of {@link locales}. */
export type Locale = (typeof locales)[number];

/** The language a visitor sees before choosing one. */
export const defaultLocale: Locale = 'zh-CN';

/** Key under which the chosen language is kept in `localStorage`. */
export const localeStorageKey = 'tongban.locale';

/** Whether `value` names a language the console speaks. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
