/**
 * The console's languages: the provider, hooks and typed per-area dictionaries.
 * @module
 */
export { defineMessages, type Messages } from './define-messages.ts';
export { defaultLocale, isLocale, locales, type Locale } from './locale.ts';
export { LocaleProvider, useLocale, useMessages } from './LocaleProvider.tsx';
