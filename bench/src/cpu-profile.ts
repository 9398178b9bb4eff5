/**
 * V8 CPU profiles (`node --cpu-prof`, `.cpuprofile` JSON) summarised by where the time goes: self
 * time per module group and per function, and the time spent under each group (inclusive), over
 * the samples inside given windows of the profiler's monotonic clock only.
 */

/** A frame of a `.cpuprofile`. */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/** A `.cpuprofile` as V8 writes it (times in µs of the monotonic clock). */
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A span of the monotonic clock, in µs, whose samples count. */
export interface SampleWindow {
  startMicros: number;
  endMicros: number;
}

/** One row of a breakdown: a group or a function, with the sampled time. */
export interface TimeRow {
  name: string;
  /** Time with this group's (function's) own code at the top of the stack, in ms. */
  selfMs: number;
  /** Time with this group (function) anywhere on the stack, in ms. */
  totalMs: number;
}

/** What a profile says over its windows. */
export interface Breakdown {
  /** Sampled time inside the windows, in ms (idle included). */
  sampledMs: number;
  /** Of it, the time the thread was idle (waiting in the event loop), in ms. */
  idleMs: number;
  groups: TimeRow[];
  functions: TimeRow[];
}

/** Module groups, first match wins: the order puts specific packages before their generic parent. */
const GROUPS: readonly (readonly [RegExp, string])[] = [
  [/node_modules\/(@hono\/zod-openapi|@asteasolutions\/zod-to-openapi|zod)\//, 'zod validation'],
  [/node_modules\/@hono\/node-server\//, 'hono node-server (Request/Response adapter)'],
  [/node_modules\/hono\//, 'hono (routing, middleware)'],
  [/node_modules\/drizzle-orm\//, 'drizzle (query building, result mapping)'],
  [/node_modules\/postgres\//, 'postgres.js (wire protocol)'],
  [/node_modules\/bullmq\//, 'BullMQ'],
  [/node_modules\/(ioredis|redis-parser|redis-errors|cluster-key-slot|denque|standard-as-callback)\//, 'ioredis'],
  [/node_modules\/msgpackr\//, 'BullMQ (msgpackr)'],
  [/node_modules\/xstate\//, 'XState'],
  [/node_modules\/(pino|pino-std-serializers|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|on-exit-leak-free)\//, 'pino'],
  [/node_modules\/prom-client\//, 'prom-client (metrics)'],
  [/node_modules\/(jose|bcryptjs|bcrypt|@node-rs\/argon2|argon2)\//, 'auth (token, password)'],
  [/node_modules\/(feelin|@lezer\/[^/]+|lezer-feel)\//, 'FEEL (feelin)'],
  [/node_modules\/(tsx|esbuild|get-tsconfig|source-map-support)\//, 'tsx loader (start-up)'],
  [/node_modules\/(uuid|nanoid)\//, 'ids'],
  [/\/engine\/(dist|src)\//, 'engine (step, calendar, FEEL)'],
  [/\/runtime\/src\/http\//, 'runtime: http (routes, middleware, schemas)'],
  [/\/runtime\/src\/auth\//, 'auth (token, password)'],
  [/\/runtime\/src\/(logging|runtime-logger)/, 'pino'],
  [/\/runtime\/src\/([a-z-]+)\//, 'runtime: $1'],
  [/\/runtime\/src\//, 'runtime: other'],
  [/node_modules\/([^/]+)\//, 'other package: $1'],
  [/^node:(internal\/)?(modules|bootstrap|main|source_map|deps\/cjs-module-lexer|vm)/, 'node: module loading (start-up)'],
  [/^node:(_http_|http$|internal\/http|internal\/deps\/undici|internal\/webstreams|internal\/streams|stream|net$|internal\/net|internal\/stream_base|string_decoder|buffer$|internal\/buffer)/, 'node: http, sockets, streams, buffers'],
  [/^node:(timers|internal\/timers|internal\/process\/task_queues|internal\/async_hooks|async_hooks|events$|internal\/event_target|diagnostics_channel)/, 'node: event loop, timers, events'],
  [/^node:(internal\/)?crypto/, 'node: crypto'],
  [/^node:(internal\/)?worker/, 'node: worker threads'],
  [/^node:/, 'node: other'],
];

/** Native frames (no url) of JSON, sockets and the like: a group of their own, by name. */
const NATIVE: readonly (readonly [RegExp, string])[] = [
  [/^(stringify|parse|JSONParse|JSONStringify)$/, 'JSON (parse, stringify)'],
  [/^(writev|writeBuffer|writeUtf8String|writeLatin1String|writeAsciiString|writeUcs2String|shutdown|onStreamRead|close)$/, 'socket writes and reads (native)'],
  [/^(utf8Write|utf8Slice|latin1Slice|asciiSlice|hexSlice|ucs2Slice|base64Slice|byteLengthUtf8|copy|fill|compare|indexOfString|indexOfBuffer|allocUnsafe|createUnsafeBuffer)$/, 'node: http, sockets, streams, buffers'],
];

/** The group of a frame; a native frame without a group of its own takes its caller's (`parentGroup`). */
export function groupOf(frame: CallFrame, parentGroup: string | undefined): string {
  const name = frame.functionName;
  if (frame.url === '') {
    if (name === '(garbage collector)') return 'garbage collection';
    if (name === '(idle)') return '(idle)';
    if (name === '(program)') return 'V8 and native code outside JavaScript (program)';
    if (name === '(root)') return '(root)';
    for (const [pattern, group] of NATIVE) if (pattern.test(name)) return group;
    return parentGroup ?? 'native, no JavaScript caller';
  }
  for (const [pattern, group] of GROUPS) {
    const match = pattern.exec(frame.url);
    if (match) return group.replace('$1', match[1] ?? '');
  }
  return frame.url.startsWith('wasm://') ? 'WebAssembly' : `other: ${frame.url}`;
}

/** A function's name for the tables: `name (file:line)`, the path shortened to its package or source folder. */
export function functionLabel(frame: CallFrame): string {
  const file = frame.url
    .replace(/^file:\/\/.*\/node_modules\//, '')
    .replace(/^file:\/\/.*\/(engine|runtime|bench|designer)\//, '$1/');
  const name = frame.functionName === '' ? '(anonymous)' : frame.functionName;
  return file === '' ? name : `${name} (${file}:${frame.lineNumber + 1})`;
}

/**
 * Self and inclusive time by group and by function over the samples inside `windows` (all samples
 * when `windows` is empty). A sample lasts until the next one (V8's `timeDeltas`).
 */
export function breakdownOf(profile: CpuProfile, windows: readonly SampleWindow[]): Breakdown {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const groupById = new Map<number, string>();
  const groupFor = (id: number): string => {
    const known = groupById.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id);
    const group = groupOf((byId.get(id) as { callFrame: CallFrame }).callFrame, parent === undefined ? undefined : groupFor(parent));
    groupById.set(id, group);
    return group;
  };
  const groups = new Map<string, TimeRow>();
  const functions = new Map<string, TimeRow>();
  const row = (table: Map<string, TimeRow>, name: string): TimeRow => {
    let found = table.get(name);
    if (!found) table.set(name, (found = { name, selfMs: 0, totalMs: 0 }));
    return found;
  };
  const inside = (at: number) => windows.length === 0 || windows.some((w) => at >= w.startMicros && at < w.endMicros);
  let sampledMs = 0;
  let idleMs = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    at += profile.timeDeltas[i] ?? 0;
    if (!inside(at)) continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = profile.samples[i] as number;
    const leafGroup = groupFor(leaf);
    sampledMs += ms;
    if (leafGroup === '(idle)') {
      idleMs += ms;
      continue;
    }
    row(groups, leafGroup).selfMs += ms;
    row(functions, functionLabel((byId.get(leaf) as { callFrame: CallFrame }).callFrame)).selfMs += ms;
    const seenGroups = new Set<string>();
    const seenFunctions = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parentOf.get(id)) {
      const group = groupFor(id);
      if (group !== '(root)' && !seenGroups.has(group)) {
        seenGroups.add(group);
        row(groups, group).totalMs += ms;
      }
      const label = functionLabel((byId.get(id) as { callFrame: CallFrame }).callFrame);
      if (group !== '(root)' && !seenFunctions.has(label)) {
        seenFunctions.add(label);
        row(functions, label).totalMs += ms;
      }
    }
  }
  const bySelf = (a: TimeRow, b: TimeRow) => b.selfMs - a.selfMs || b.totalMs - a.totalMs;
  return { sampledMs, idleMs, groups: [...groups.values()].sort(bySelf), functions: [...functions.values()].sort(bySelf) };
}
