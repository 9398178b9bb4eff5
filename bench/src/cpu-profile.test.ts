import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breakdownOf, functionLabel, groupOf, type CpuProfile, type TimeRow } from './cpu-profile.ts';

/** Seven samples of 1 ms: idle, drizzle, JSON twice under drizzle, a builtin drizzle called, GC, a route; the last sample lasts 0 ms. */
const profile = JSON.parse(readFileSync(new URL('./fixtures/small.cpuprofile', import.meta.url), 'utf8')) as CpuProfile;
const named = (rows: readonly TimeRow[], name: string) => rows.find((r) => r.name === name);

describe('groupOf', () => {
  it('puts a package before its generic parent: @hono/zod-openapi is validation, not hono', () => {
    const frame = { functionName: 'f', url: 'file:///r/node_modules/@hono/zod-openapi/dist/index.js', lineNumber: 0, columnNumber: 0 };
    expect(groupOf(frame, undefined)).toBe('zod validation');
  });

  it('names a runtime source folder after the folder', () => {
    const frame = { functionName: 'saveOwn', url: 'file:///r/runtime/src/cases/case-unit.ts', lineNumber: 0, columnNumber: 0 };
    expect(groupOf(frame, undefined)).toBe('runtime: cases');
  });

  it("gives JSON its own group and other native frames their caller's", () => {
    const native = (functionName: string) => ({ functionName, url: '', lineNumber: -1, columnNumber: -1 });
    expect(groupOf(native('stringify'), 'pino')).toBe('JSON (parse, stringify)');
    expect(groupOf(native('someBuiltin'), 'pino')).toBe('pino');
  });
});

describe('functionLabel', () => {
  it('shortens a package path to the package and gives the line counted from 1', () => {
    expect(functionLabel({ functionName: 'is', url: 'file:///r/node_modules/drizzle-orm/entity.js', lineNumber: 2, columnNumber: 0 })).toBe('is (drizzle-orm/entity.js:3)');
  });
});

describe('breakdownOf', () => {
  it('counts each sample until the next one, idle apart, by the group of the frame on top', () => {
    const result = breakdownOf(profile, []);
    expect(result.sampledMs).toBe(7);
    expect(result.idleMs).toBe(1);
    expect(named(result.groups, 'drizzle (query building, result mapping)')).toEqual({ name: 'drizzle (query building, result mapping)', selfMs: 2, totalMs: 4 });
    expect(named(result.groups, 'JSON (parse, stringify)')?.selfMs).toBe(2);
    expect(named(result.groups, 'garbage collection')?.selfMs).toBe(1);
    expect(named(result.groups, 'runtime: http (routes, middleware, schemas)')).toEqual({ name: 'runtime: http (routes, middleware, schemas)', selfMs: 1, totalMs: 5 });
  });

  it('lists functions by self time, with the time under each', () => {
    const [first] = breakdownOf(profile, []).functions;
    expect(first?.selfMs).toBe(2);
    expect(named(breakdownOf(profile, []).functions, 'completeTask (runtime/src/http/routes/tasks.routes.ts:10)')?.totalMs).toBe(5);
  });

  it('counts only the samples inside the windows', () => {
    const result = breakdownOf(profile, [{ startMicros: 2_500, endMicros: 5_500 }]);
    expect(result.sampledMs).toBe(3);
    expect(named(result.groups, 'JSON (parse, stringify)')?.selfMs).toBe(2);
    expect(named(result.groups, 'drizzle (query building, result mapping)')?.selfMs).toBe(1);
    expect(named(result.groups, 'garbage collection')).toBeUndefined();
  });
});
