import type { Locale } from './locale.ts';

/** Time zone the console shows instants in: the demo organisation's (上海, `Asia/Shanghai`). */
export const displayTimeZone = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withTime: boolean, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}|${timeZone}`;
  let found = formatters.get(key);
  if (found === undefined) {
    found = new Intl.DateTimeFormat(locale, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, found);
  }
  return found;
}

/**
 * An instant (ISO 8601 text or a `Date`) as local date and time in `timeZone`, e.g.
 * `2026/03/02 17:00`; `—` for none. Pure.
 */
export function formatInstant(
  instant: string | Date | null | undefined,
  locale: Locale,
  options: { withTime?: boolean; timeZone?: string } = {},
): string {
  if (instant === null || instant === undefined) return '—';
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return '—';
  return formatter(locale, options.withTime ?? true, options.timeZone ?? displayTimeZone).format(date);
}
