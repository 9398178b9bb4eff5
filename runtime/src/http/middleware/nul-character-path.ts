/**
 * The path (dotted, array indices as numbers, `''` for the value itself) of the first string in a
 * parsed JSON value — an object key or a string value — that holds U+0000, which PostgreSQL cannot
 * store in `text` or `jsonb`; undefined when there is none.
 *
 * Pure: performs no I/O.
 */
export function nulCharacterPath(value: unknown, path: readonly string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulCharacterPath(item, [...path, String(index)]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '\\u0000')].join('.');
      const found = nulCharacterPath(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
