/**
 * Regular expressions of a `dataSchema` (`pattern`, the keys of `patternProperties`), run by RE2
 * (re2js, pure JavaScript): matching takes time linear in the input, whatever the pattern, where
 * JavaScript's backtracking engine can take exponential time (`^(a+)+$`).
 * @module
 */
import type { Options } from 'ajv';
import { RE2JS } from 're2js';

/**
 * ECMA-262's script property escape `\p{Script=Han}` (or `\p{sc=Han}`), which RE2 writes `\p{Han}`.
 * It starts a run of backslashes whose pairs group 1 keeps, so `\\p{…}` (a backslash, then `p`)
 * is left alone.
 */
const SCRIPT_PROPERTY = /(?<!\\)((?:\\\\)*)\\([pP])\{(?:Script|sc)=([A-Za-z_]+)\}/g;

/** A compiled pattern: `test` is unanchored, as JSON Schema reads `pattern`. */
export interface LinearPattern {
  test(text: string): boolean;
  /** The pattern as written. */
  toString(): string;
}

/** Why a pattern cannot be run in linear time, or is not a regular expression at all. */
export interface PatternRefusal {
  reason: string;
}

/**
 * `pattern` compiled by RE2, or why it cannot be: it must be an ECMA-262 regular expression (what
 * JSON Schema says a pattern is, read with the `u` flag) that RE2 can run, so no lookaround and no
 * backreference. Compiling parses the pattern (linear in its length); nothing is matched.
 *
 * Pure: performs no I/O.
 */
export function compileLinearPattern(pattern: string): LinearPattern | PatternRefusal {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return { reason: `it is not a regular expression: ${(error as Error).message}` };
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(pattern.replace(SCRIPT_PROPERTY, '$1\\$2{$3}')));
  } catch (error) {
    return { reason: `the linear-time engine (RE2) cannot run it: ${(error as Error).message}; lookahead, lookbehind and backreferences are not supported` };
  }
  return {
    test: (text: string) => compiled.test(text),
    toString: () => pattern,
  };
}

/** Whether `result` is a compiled pattern rather than a refusal. */
export function isLinearPattern(result: LinearPattern | PatternRefusal): result is LinearPattern {
  return 'test' in result;
}

type RegExpEngine = NonNullable<NonNullable<Options['code']>['regExp']>;

/**
 * Ajv's `code.regExp` engine: every `pattern` and `patternProperties` key of a schema Ajv compiles
 * is run by RE2. Ajv passes the `u` flag, which RE2 applies always (it matches code points).
 * @throws {Error} when RE2 cannot compile the pattern; the subset check refuses such a schema first.
 */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string) => {
    const compiled = compileLinearPattern(pattern);
    if (!isLinearPattern(compiled)) throw new Error(`Pattern '${pattern}' cannot be used: ${compiled.reason}`);
    return compiled;
  },
  { code: 're2js' },
);
