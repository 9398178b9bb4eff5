/** What the admin's notice text holds, as far as the console reads it before the API checks it. */
export type NoticeText =
  | {
      ok: true;
      /** The parsed JSON, sent as it is. */
      notice: unknown;
      /** Its `year`, when it is an integer. */
      year: number | null;
      /** Its source and number of holidays, when it has them, to show before loading. */
      preview: { title: string; documentNumber: string; issued: string; holidays: number } | null;
    }
  | { ok: false; reason: string };

/**
 * Parses the text of a holiday notice (pasted or read from a `.json` file): the JSON value with
 * its year and a preview of its source, or why it is not JSON. Only the API decides whether it is
 * a valid notice. Pure.
 */
export function readNoticeText(text: string): NoticeText {
  let notice: unknown;
  try {
    notice = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const record = typeof notice === 'object' && notice !== null && !Array.isArray(notice) ? (notice as Record<string, unknown>) : {};
  const year = Number.isInteger(record.year) ? (record.year as number) : null;
  const source = typeof record.source === 'object' && record.source !== null ? (record.source as Record<string, unknown>) : {};
  const { title, documentNumber, issued } = source;
  const preview =
    typeof title === 'string' && typeof documentNumber === 'string' && typeof issued === 'string' && Array.isArray(record.holidays)
      ? { title, documentNumber, issued, holidays: record.holidays.length }
      : null;
  return { ok: true, notice, year, preview };
}
