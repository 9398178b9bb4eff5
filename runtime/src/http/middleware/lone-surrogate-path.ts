/** A high surrogate not followed by a low one, or a low one not preceded by a high one (UTF-16 code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * The path (dotted, array indices as numbers, `''` for the value itself) of the first string in a
 * parsed JSON value — an object key or a string value — that holds a lone UTF-16 surrogate
 * (`"\udfff"` is valid JSON but no Unicode text): PostgreSQL refuses it in `jsonb` and a `text`
 * column would store U+FFFD instead. Undefined when there is none. Walks with an explicit stack.
 *
 * Pure: performs no I/O.
 */
export function loneSurrogatePath(value: unknown): string | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string[] };
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return path.join('.');
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const entries = Object.entries(current);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index] as [string, unknown];
      if (LONE_SURROGATE.test(key)) stack.push({ value: key, path: [...path, key.replace(LONE_SURROGATES, '\ufffd')] });
      else stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}
