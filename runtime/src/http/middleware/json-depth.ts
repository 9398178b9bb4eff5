/**
 * Whether a parsed JSON value nests arrays and objects more than `limit` levels deep. Counted with
 * an explicit stack, so a value nested thousands of levels deep (a 20 KB body of `[`) cannot
 * exhaust the call stack of the code that walks it later.
 *
 * Pure: performs no I/O.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
