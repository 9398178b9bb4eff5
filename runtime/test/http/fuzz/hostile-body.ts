import fc from 'fast-check';

/** Text put into a body as it stands, for what `JSON.stringify` cannot write (`1e309`, a duplicate key). */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * The JSON text of `value`, with each {@link RawJson} in it written as its text and own keys such as
 * `__proto__` written like any other key.
 */
export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  const raws: string[] = [];
  const text = JSON.stringify(value, (_, v: unknown) => {
    if (!(v instanceof RawJson)) return v;
    raws.push(v.text);
    return `\u0001raw${raws.length - 1}\u0001`;
  });
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_, index: string) => raws[Number(index)] as string);
}

/** Sets own key `key` of `target`, `__proto__` included, as JSON.parse would. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

const nested = (levels: number, inner: string): RawJson => new RawJson('['.repeat(levels) + inner + ']'.repeat(levels));

/** Values no route accepts where a field of another type or size is expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    new RawJson('1e309'),
    new RawJson('-1e309'),
    new RawJson('1e-400'),
    new RawJson('123456789012345678901234567890'),
    1.7976931348623157e308,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    'null',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\u202e\u2066',
    '1e309',
    '../../etc/passwd',
    "' or 1=1 --",
    '$1',
    true,
    null,
    [],
    {},
    [null],
    nested(63, '1'),
    nested(70, ''),
  ),
  fc.integer({ min: 1_001, max: 70_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 101, max: 5_100 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.integer({ min: 51, max: 600 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
  fc.integer({ min: 201, max: 400 }).map((n) => ({ ['k'.repeat(n)]: 1 })),
  fc.double({ noNaN: true }),
  fc.string(),
  fc.jsonValue({ maxDepth: 4 }),
);

/** Keys an object of the body gains: prototype keys, long and odd keys. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '\u0000', 'a.b', '$where', '\ud800'),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: 201, max: 2_000 }).map((n) => 'k'.repeat(n)),
);

/** Whole bodies that are not what any route reads. */
export const hostileWhole: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  new RawJson(''),
  new RawJson('{"a":'),
  new RawJson('{"definitionKey":"a","definitionKey":"b"}'),
  new RawJson('\ufeff{}'),
  new RawJson('{"__proto__":{"isAdmin":true}}'),
  new RawJson('{"constructor":{"prototype":{"polluted":1}}}'),
  new RawJson('1e309'),
  nested(10_000, ''),
  [],
  'text',
  42,
  null,
  true,
);

/** One change made to a valid-ish body. */
export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'addKey'; at: number; key: string; value: unknown }
  | { kind: 'removeKey'; at: number }
  | { kind: 'whole'; value: unknown }
  | { kind: 'nest'; at: number; levels: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('addKey' as const), at: fc.nat(), key: hostileKey, value: fc.oneof(hostileValue, fc.jsonValue({ maxDepth: 2 })) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('removeKey' as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('whole' as const), value: hostileWhole }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), levels: fc.integer({ min: 10, max: 80 }) }), weight: 1 },
);

/** Every place of `value` (the root first), as the parent and the key or index that reaches it. */
function places(value: unknown): { parent: Record<string, unknown> | unknown[] | undefined; key: string | number; value: unknown }[] {
  const found: { parent: Record<string, unknown> | unknown[] | undefined; key: string | number; value: unknown }[] = [{ parent: undefined, key: '', value }];
  for (let i = 0; i < found.length && found.length < 500; i++) {
    const current = (found[i] as { value: unknown }).value;
    if (current === null || typeof current !== 'object' || current instanceof RawJson) continue;
    if (Array.isArray(current)) current.forEach((item, index) => found.push({ parent: current, key: index, value: item }));
    else for (const key of Object.keys(current)) found.push({ parent: current as Record<string, unknown>, key, value: (current as Record<string, unknown>)[key] });
  }
  return found;
}

/** `body` (a fresh copy) changed by `change`. */
export function mutate(body: unknown, change: Mutation): unknown {
  const copy = structuredClone(body);
  if (change.kind === 'whole') return change.value;
  const all = places(copy);
  const place = all[change.at % all.length] as (typeof all)[number];
  const put = (value: unknown) => {
    if (place.parent === undefined) return value;
    if (Array.isArray(place.parent)) place.parent[place.key as number] = value;
    else setOwn(place.parent, place.key as string, value);
    return copy;
  };
  switch (change.kind) {
    case 'replace':
      return put(change.value);
    case 'nest':
      return put(Array.from({ length: change.levels }).reduce<unknown>((inner) => ({ v: inner }), place.value));
    case 'addKey': {
      const objects = all.filter((p) => p.value !== null && typeof p.value === 'object' && !Array.isArray(p.value) && !(p.value instanceof RawJson));
      const target = objects[change.at % Math.max(1, objects.length)]?.value as Record<string, unknown> | undefined;
      if (target === undefined) return copy;
      setOwn(target, change.key, change.value);
      return copy;
    }
    case 'removeKey': {
      if (place.parent === undefined) return copy;
      if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
      else delete place.parent[place.key as string];
      return copy;
    }
  }
}
