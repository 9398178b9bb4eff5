import { z } from '@hono/zod-openapi';

/** Bounds of a free-form JSON object a request carries (case data, form values, a definition). */
export interface FreeFormLimits {
  /** Keys of any one object, at every depth. */
  maxKeys: number;
  /** Characters of any one key. */
  maxKeyLength: number;
  /** Characters of any one string value. */
  maxStringLength: number;
  /** Items of any one array. */
  maxArrayLength: number;
  /** Bytes of the whole value as JSON (UTF-8). */
  maxBytes: number;
}

/** Application and form data: `data` of a case, a completion, a supplement, a resumption. */
export const DATA_LIMITS: FreeFormLimits = { maxKeys: 200, maxKeyLength: 200, maxStringLength: 10_000, maxArrayLength: 1_000, maxBytes: 262_144 };

/** A document handed in with a supplement, described as a small record. */
export const DOCUMENT_LIMITS: FreeFormLimits = { maxKeys: 50, maxKeyLength: 100, maxStringLength: 2_000, maxArrayLength: 100, maxBytes: 16_384 };

/**
 * A workflow definition as the designer sends it: 5,000 nodes or edges is ten times the largest
 * definition the targets name (DESIGN.md §10); the body limit (1 MiB by default) bounds it first.
 */
export const DEFINITION_LIMITS: FreeFormLimits = { maxKeys: 500, maxKeyLength: 200, maxStringLength: 20_000, maxArrayLength: 5_000, maxBytes: 1_048_576 };

/** Where in a free-form value a bound is passed, and which. */
export interface FreeFormProblem {
  /** Keys and indices from the value's root. */
  path: (string | number)[];
  message: string;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The first place, in document order, where `value` passes one of `limits`: an object with too
 * many keys or too long a key, too long a string, too long an array; then the whole value too
 * large as JSON. Undefined when it keeps within them. Walks with an explicit stack.
 *
 * Pure: performs no I/O.
 */
export function freeFormProblem(value: unknown, limits: FreeFormLimits): FreeFormProblem | undefined {
  const stack: Place[] = [{ value }];
  while (stack.length > 0) {
    const place = stack.pop() as Place;
    const current = place.value;
    if (typeof current === 'string') {
      if (current.length > limits.maxStringLength) {
        return { path: pathOf(place), message: `is ${count(current.length)} characters long; at most ${count(limits.maxStringLength)}` };
      }
      continue;
    }
    if (Array.isArray(current)) {
      if (current.length > limits.maxArrayLength) {
        return { path: pathOf(place), message: `has ${count(current.length)} items; at most ${count(limits.maxArrayLength)}` };
      }
      for (let index = current.length - 1; index >= 0; index--) stack.push({ value: current[index], parent: place, key: index });
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const keys = Object.keys(current);
    if (keys.length > limits.maxKeys) return { path: pathOf(place), message: `has ${count(keys.length)} keys; at most ${count(limits.maxKeys)}` };
    const long = keys.find((key) => key.length > limits.maxKeyLength);
    if (long !== undefined) {
      return {
        path: pathOf(place),
        message: `has a key of ${count(long.length)} characters ('${long.slice(0, 20)}…'); at most ${count(limits.maxKeyLength)}`,
      };
    }
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index] as string;
      stack.push({ value: (current as Record<string, unknown>)[key], parent: place, key });
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (bytes > limits.maxBytes) return { path: [], message: `is ${count(bytes)} bytes as JSON; at most ${count(limits.maxBytes)}` };
  return undefined;
}

/** A value met on the walk, linked to where it was met, so no path is built until one is reported. */
interface Place {
  value: unknown;
  parent?: Place;
  key?: string | number;
}

function pathOf(place: Place): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Place | undefined = place; at?.parent !== undefined; at = at.parent) path.unshift(at.key as string | number);
  return path;
}

/** The limits in words, for the OpenAPI description of a free-form field. */
export function describeLimits(limits: FreeFormLimits): string {
  return (
    `Free-form JSON object, bounded at every depth: at most ${count(limits.maxKeys)} keys per object, keys of at most ${count(limits.maxKeyLength)} characters, ` +
    `strings of at most ${count(limits.maxStringLength)} characters, arrays of at most ${count(limits.maxArrayLength)} items, ` +
    `${count(limits.maxBytes)} bytes as JSON in all; a value past a bound is refused with 400 \`invalid-input\` naming it.`
  );
}

/**
 * A free-form JSON object within `limits`, checked before anything is stored: a value past a bound
 * fails validation with an issue at its path (`body.data.notes`), and the OpenAPI document states
 * the bounds (`maxProperties`, and the rest in the description).
 *
 * @param description - What the object holds; the bounds are appended.
 */
export function freeFormObject(limits: FreeFormLimits, description: string) {
  return z
    .record(z.string(), z.unknown())
    .superRefine((value, context) => {
      const problem = freeFormProblem(value, limits);
      if (problem) context.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    })
    .openapi({
      maxProperties: limits.maxKeys,
      description: `${description}. ${describeLimits(limits)}`,
    });
}
