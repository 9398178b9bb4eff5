/**
 * The safe-subset check of a `dataSchema` (see `engine/docs/data-schema.md`): keywords, formats,
 * patterns, sizes and bounds, then the draft-07 meta-schema, then a compile.
 * @module
 */
import type { ValidateFunction } from 'ajv';
import type { Diagnostic, DiagnosticCode } from '../validate/diagnostic.types.ts';
import { dataSchemaAjv } from './data-schema-ajv.ts';
import {
  isAnnotationKeyword,
  SCALAR_TYPES,
  SUPPORTED_DIALECTS,
  SUPPORTED_FORMATS,
  SUPPORTED_KEYWORDS,
  UNSUPPORTED_KEYWORD_REASONS,
} from './data-schema-keywords.ts';
import {
  MAX_ARRAY_ITEMS,
  MAX_DATA_SCHEMA_BYTES,
  MAX_DATA_SCHEMA_DEPTH,
  MAX_DATA_SCHEMA_NODES,
  MAX_DATA_SCHEMA_PROPERTIES,
  MAX_ENUM_VALUES,
  MAX_NUMERIC_BOUND,
  MAX_OBJECT_PROPERTIES,
  MAX_PATTERN_LENGTH,
  MAX_PATTERN_PROPERTIES,
  MAX_STRING_LENGTH,
  MAX_UNIQUE_ITEMS_COMPARED,
} from './data-schema-limits.ts';
import { compileLinearPattern, isLinearPattern } from './linear-pattern.ts';
import { childPath, pointerPath } from './schema-path.ts';

/** The most diagnostics one `dataSchema` gets; a schema with more problems gets the first ones. */
export const MAX_DATA_SCHEMA_DIAGNOSTICS = 20;

/**
 * What the check learnt about one schema object: its diagnostics and, when it has no error, its
 * compiled validator.
 * @internal
 */
export interface CheckedDataSchema {
  diagnostics: Diagnostic[];
  validate?: ValidateFunction;
}

const checked = new WeakMap<object, CheckedDataSchema>();
/**
 * The same results by the schema's JSON text, for equal schemas in new objects (each
 * `parseDefinition` copies `dataSchema`: the designer parses the definition on every edit). Holds
 * the latest {@link TEXT_CACHE_SIZE} texts.
 */
const checkedTexts = new Map<string, CheckedDataSchema>();
const TEXT_CACHE_SIZE = 32;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a definition's `dataSchema` against the safe subset: draft-07 keywords of the subset only
 * (no `$ref`, local ones included), known formats only, patterns RE2 can run, the size limits of
 * `data-schema-limits.ts`, bounds a form can meet; then the draft-07 meta-schema and a compile.
 * Each finding is an error diagnostic whose `field` is its path inside the definition
 * (`dataSchema.properties.contactPhone.pattern`); at most {@link MAX_DATA_SCHEMA_DIAGNOSTICS}.
 * Never throws on user input.
 *
 * Pure: performs no I/O.
 * @example
 * ```ts
 * checkDataSchema({ type: 'object', properties: { name: { type: 'string', pattern: '^(?=x)' } } });
 * // [{ code: 'data-schema-pattern-not-supported', field: 'dataSchema.properties.name.pattern', … }]
 * ```
 */
export function checkDataSchema(schema: JsonObject): Diagnostic[] {
  return inspectDataSchema(schema).diagnostics;
}

/**
 * `checkDataSchema` with the compiled validator when the schema has no error; cached per schema
 * object, so validating, compiling and checking data compile a schema once.
 * @internal
 */
export function inspectDataSchema(schema: JsonObject): CheckedDataSchema {
  const cached = checked.get(schema);
  if (cached !== undefined) return cached;
  const result = inspectUncached(schema);
  checked.set(schema, result);
  return result;
}

function inspectUncached(schema: JsonObject): CheckedDataSchema {
  const root = 'dataSchema';
  const tooDeep = firstPathDeeperThan(schema, MAX_DATA_SCHEMA_DEPTH, root);
  if (tooDeep !== undefined) {
    return { diagnostics: [finding('data-schema-too-large', `The data schema nests deeper than ${MAX_DATA_SCHEMA_DEPTH} levels at ${tooDeep}`, tooDeep)] };
  }
  const text = JSON.stringify(schema);
  const known = checkedTexts.get(text);
  if (known !== undefined) return known;
  const result = runChecks(schema, text);
  if (checkedTexts.size >= TEXT_CACHE_SIZE) checkedTexts.delete(checkedTexts.keys().next().value as string);
  checkedTexts.set(text, result);
  return result;
}

/** The checks of a schema no deeper than the limit, whose JSON text is `text`. */
function runChecks(schema: JsonObject, text: string): CheckedDataSchema {
  const root = 'dataSchema';
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_DATA_SCHEMA_BYTES) {
    return { diagnostics: [finding('data-schema-too-large', `The data schema is ${bytes} bytes of JSON; at most ${MAX_DATA_SCHEMA_BYTES} are accepted`, root)] };
  }
  const walk = new SubsetWalk();
  walk.schema(schema, root, true);
  if (walk.diagnostics.length > 0) return { diagnostics: walk.diagnostics.slice(0, MAX_DATA_SCHEMA_DIAGNOSTICS) };

  if (!dataSchemaAjv.validateSchema(schema)) {
    const diagnostics = (dataSchemaAjv.errors ?? []).slice(0, MAX_DATA_SCHEMA_DIAGNOSTICS).map((error) => {
      const field = pointerPath(root, error.instancePath);
      return finding('invalid-data-schema', `${field} ${error.message ?? 'is invalid'}`, field);
    });
    return { diagnostics };
  }
  try {
    const validate = dataSchemaAjv.compile(schema);
    return { diagnostics: [], validate };
  } catch (error) {
    return { diagnostics: [finding('invalid-data-schema', `The data schema does not compile: ${(error as Error).message}`, root)] };
  } finally {
    dataSchemaAjv.removeSchema(schema);
  }
}

function finding(code: DiagnosticCode, message: string, field: string): Diagnostic {
  return { code, severity: 'error', message, field };
}

/** The path of the first array or object nested deeper than `limit`, walked with an explicit stack. */
function firstPathDeeperThan(value: unknown, limit: number, root: string): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: root }];
  while (stack.length > 0) {
    const current = stack.pop() as { value: unknown; depth: number; path: string };
    if (current.value === null || typeof current.value !== 'object') continue;
    if (current.depth + 1 > limit) return current.path;
    const entries = Array.isArray(current.value) ? current.value.map((item, index) => [index, item] as const) : Object.entries(current.value);
    for (const [key, child] of entries) stack.push({ value: child, depth: current.depth + 1, path: childPath(current.path, key) });
  }
  return undefined;
}

/** The walk over subschemas; the depth check before it bounds its recursion. */
class SubsetWalk {
  readonly diagnostics: Diagnostic[] = [];
  private nodes = 0;

  schema(schema: unknown, path: string, isRoot = false): void {
    if (typeof schema === 'boolean' || !isObject(schema)) return;
    this.nodes += 1;
    if (this.nodes === MAX_DATA_SCHEMA_NODES + 1) {
      this.report('data-schema-too-large', `The data schema holds more than ${MAX_DATA_SCHEMA_NODES} subschemas (the one at ${path} is the first over)`, path);
    }
    for (const [keyword, value] of Object.entries(schema)) this.keyword(keyword, value, path, isRoot);
    this.checkContradictions(schema, path);
  }

  private keyword(keyword: string, value: unknown, path: string, isRoot: boolean): void {
    const field = childPath(path, keyword);
    if (isAnnotationKeyword(keyword)) return;
    const kind = SUPPORTED_KEYWORDS.get(keyword);
    if (kind === undefined) {
      this.report('data-schema-keyword-not-supported', `${field}: '${keyword}' is not supported: ${unsupportedReason(keyword)}`, field);
      return;
    }
    switch (kind) {
      case 'schema':
        if (keyword === 'items' && Array.isArray(value)) {
          this.report('data-schema-keyword-not-supported', `${field}: 'items' as a list (a tuple) is not supported: 'items' is one schema for every element`, field);
          return;
        }
        this.schema(value, field);
        return;
      case 'schemaMap':
        if (!isObject(value)) return;
        if (Object.keys(value).length > MAX_DATA_SCHEMA_PROPERTIES) {
          this.report('data-schema-too-large', `${field} names ${Object.keys(value).length} properties; at most ${MAX_DATA_SCHEMA_PROPERTIES} are accepted`, field);
        }
        for (const [name, child] of Object.entries(value)) this.schema(child, childPath(field, name));
        return;
      case 'patternMap':
        if (!isObject(value)) return;
        if (Object.keys(value).length > MAX_PATTERN_PROPERTIES) {
          this.report('data-schema-too-large', `${field} holds ${Object.keys(value).length} patterns; at most ${MAX_PATTERN_PROPERTIES} are accepted`, field);
        }
        for (const [pattern, child] of Object.entries(value)) {
          const childField = childPath(field, pattern);
          this.pattern(pattern, childField);
          this.schema(child, childField);
        }
        return;
      case 'schemaList':
        if (!Array.isArray(value)) return;
        value.forEach((child, index) => this.schema(child, childPath(field, index)));
        return;
      case 'lengthBound':
        this.bound(value, MAX_STRING_LENGTH, field, 'characters');
        return;
      case 'itemsBound':
        this.bound(value, MAX_ARRAY_ITEMS, field, 'items');
        return;
      case 'propertiesBound':
        this.bound(value, MAX_OBJECT_PROPERTIES, field, 'properties');
        return;
      case 'numberBound':
        if (typeof value === 'number' && Math.abs(value) > MAX_NUMERIC_BOUND) {
          this.report('data-schema-bound-out-of-range', `${field} is ${value}; a bound lies within ±${MAX_NUMERIC_BOUND}, where numbers stay exact`, field);
        }
        return;
      case 'pattern':
        if (typeof value === 'string') this.pattern(value, field);
        return;
      case 'format':
        if (typeof value === 'string' && !(SUPPORTED_FORMATS as readonly string[]).includes(value)) {
          this.report('data-schema-format-not-supported', `${field}: format '${value}' is not supported; use one of ${SUPPORTED_FORMATS.map((name) => `'${name}'`).join(', ')}, or a pattern`, field);
        }
        return;
      case 'values':
        if (Array.isArray(value) && value.length > MAX_ENUM_VALUES) {
          this.report('data-schema-too-large', `${field} lists ${value.length} values; at most ${MAX_ENUM_VALUES} are accepted`, field);
        }
        return;
      case 'plain':
        if (keyword === '$schema') this.dialect(value, field, isRoot);
        return;
    }
  }

  private dialect(value: unknown, field: string, isRoot: boolean): void {
    if (isRoot && typeof value === 'string' && SUPPORTED_DIALECTS.has(value)) return;
    const why = isRoot ? `a data schema is written in draft-07 ('http://json-schema.org/draft-07/schema#')` : 'only the root of a data schema names its dialect';
    this.report('data-schema-keyword-not-supported', `${field}: '$schema' ${JSON.stringify(value)} is not supported: ${why}`, field);
  }

  private pattern(pattern: string, field: string): void {
    if (pattern.length > MAX_PATTERN_LENGTH) {
      this.report('data-schema-too-large', `${field} is a pattern of ${pattern.length} characters; at most ${MAX_PATTERN_LENGTH} are accepted`, field);
      return;
    }
    const compiled = compileLinearPattern(pattern);
    if (!isLinearPattern(compiled)) this.report('data-schema-pattern-not-supported', `${field}: pattern ${JSON.stringify(pattern)} cannot be used: ${compiled.reason}`, field);
  }

  private bound(value: unknown, max: number, field: string, what: string): void {
    if (typeof value === 'number' && value > max) {
      this.report('data-schema-bound-out-of-range', `${field} is ${value}; a form takes at most ${max} ${what}`, field);
    }
  }

  private checkContradictions(schema: JsonObject, path: string): void {
    const pairs: [string, string][] = [
      ['minLength', 'maxLength'],
      ['minItems', 'maxItems'],
      ['minProperties', 'maxProperties'],
      ['minimum', 'maximum'],
      ['exclusiveMinimum', 'maximum'],
      ['minimum', 'exclusiveMaximum'],
      ['exclusiveMinimum', 'exclusiveMaximum'],
    ];
    for (const [low, high] of pairs) {
      const min = schema[low];
      const max = schema[high];
      if (typeof min !== 'number' || typeof max !== 'number') continue;
      const open = low.startsWith('exclusive') || high.startsWith('exclusive');
      if (min > max || (open && min === max)) {
        const field = childPath(path, low);
        this.report('data-schema-bound-out-of-range', `${field} is ${min} and ${childPath(path, high)} is ${max}: no value can meet both`, field);
      }
    }
    if (schema.uniqueItems === true && !hasScalarItems(schema.items)) {
      const maxItems = schema.maxItems;
      if (typeof maxItems !== 'number' || maxItems > MAX_UNIQUE_ITEMS_COMPARED) {
        const field = childPath(path, 'uniqueItems');
        this.report(
          'data-schema-bound-out-of-range',
          `${field}: items without a scalar 'type' are compared with each other whole, so 'maxItems' must be at most ${MAX_UNIQUE_ITEMS_COMPARED} (it is ${typeof maxItems === 'number' ? maxItems : 'not set'}); or give 'items' a type such as 'string'`,
          field,
        );
      }
    }
  }

  private report(code: DiagnosticCode, message: string, field: string): void {
    if (this.diagnostics.length < MAX_DATA_SCHEMA_DIAGNOSTICS) this.diagnostics.push(finding(code, message, field));
  }
}

/** Whether `items` declares only scalar types, which `uniqueItems` compares by value. */
function hasScalarItems(items: unknown): boolean {
  if (!isObject(items)) return false;
  const types = Array.isArray(items.type) ? items.type : [items.type];
  return types.length > 0 && types.every((type) => typeof type === 'string' && SCALAR_TYPES.has(type));
}

function unsupportedReason(keyword: string): string {
  const known = UNSUPPORTED_KEYWORD_REASONS.get(keyword);
  if (known !== undefined) return known;
  const lower = keyword.toLowerCase();
  const near = [...SUPPORTED_KEYWORDS.keys()].find((name) => name.toLowerCase() === lower);
  return near !== undefined ? `did you mean '${near}'?` : "it is no keyword of the supported subset (annotations of your own start with 'x-')";
}
