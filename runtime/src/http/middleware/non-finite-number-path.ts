/**
 * The path (dotted, array indices as numbers, `''` for the value itself) of the first number in a
 * parsed JSON value that is not finite; undefined when there is none. `JSON.parse` reads a number
 * past the double range (`1e309`) as `Infinity`, which `JSON.stringify` — and so every jsonb write
 * and every JSON answer — turns into `null`: such a number must be refused where the body is read.
 *
 * Walks with an explicit stack, so it runs on any value {@link nestsDeeperThan} let through.
 * Pure: performs no I/O.
 */
export function nonFiniteNumberPath(value: unknown): string | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string[] };
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return path.join('.');
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const entries = Object.entries(current);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index] as [string, unknown];
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}
