import type { Locale } from './locale.ts';

/**
 * A dictionary of one area's messages in every language. The English dictionary must have the
 * same keys and value types as the Chinese one, so a missing translation fails to compile.
 * Values are strings or functions of their parameters (for counts, names, dates).
 */
export type Messages<T> = Readonly<Record<Locale, T>>;

/**
 * Declares an area's messages: `zh` (the default) and `en` with exactly the same shape.
 *
 * @example
 * ```ts
 * export const loginMessages = defineMessages(
 *   { title: '登录', welcome: (name: string) => `欢迎，${name}` },
 *   { title: 'Sign in', welcome: (name: string) => `Welcome, ${name}` },
 * );
 * ```
 */
export function defineMessages<T>(zh: T, en: NoInfer<T>): Messages<T> {
  return { 'zh-CN': zh, 'en-US': en };
}
