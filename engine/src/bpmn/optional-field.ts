/**
 * `{ [key]: value }` when `value` is defined, `{}` otherwise: spread into an object literal, it
 * keeps an absent field absent instead of present-and-undefined.
 * @internal
 */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
