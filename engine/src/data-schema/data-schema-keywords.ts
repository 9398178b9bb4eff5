/**
 * The keywords of the safe subset of JSON Schema (draft-07) that a `dataSchema` may use, and what
 * each holds. `engine/docs/data-schema.md` lists them for designers.
 * @module
 */

/** What a keyword's value is, as far as the subset check walks it. */
export type KeywordValue =
  /** A subschema. */
  | 'schema'
  /** An object of subschemas by property name. */
  | 'schemaMap'
  /** An object of subschemas by pattern (`patternProperties`). */
  | 'patternMap'
  /** A list of subschemas. */
  | 'schemaList'
  /** A string length bound. */
  | 'lengthBound'
  /** An item count bound. */
  | 'itemsBound'
  /** A property count bound. */
  | 'propertiesBound'
  /** A numeric bound. */
  | 'numberBound'
  /** A regular expression (`pattern`). */
  | 'pattern'
  /** A format name. */
  | 'format'
  /** A list of values (`enum`). */
  | 'values'
  /** Anything else the check does not look into (`type`, `const`, `required`, annotations). */
  | 'plain';

/** The keywords a `dataSchema` may use, with what each holds. */
export const SUPPORTED_KEYWORDS: ReadonlyMap<string, KeywordValue> = new Map<string, KeywordValue>([
  ['$schema', 'plain'],
  ['$comment', 'plain'],
  ['title', 'plain'],
  ['description', 'plain'],
  ['default', 'plain'],
  ['examples', 'plain'],
  ['readOnly', 'plain'],
  ['writeOnly', 'plain'],
  ['type', 'plain'],
  ['enum', 'values'],
  ['const', 'plain'],
  ['minLength', 'lengthBound'],
  ['maxLength', 'lengthBound'],
  ['pattern', 'pattern'],
  ['format', 'format'],
  ['minimum', 'numberBound'],
  ['maximum', 'numberBound'],
  ['exclusiveMinimum', 'numberBound'],
  ['exclusiveMaximum', 'numberBound'],
  ['multipleOf', 'numberBound'],
  ['properties', 'schemaMap'],
  ['required', 'plain'],
  ['additionalProperties', 'schema'],
  ['patternProperties', 'patternMap'],
  ['propertyNames', 'schema'],
  ['minProperties', 'propertiesBound'],
  ['maxProperties', 'propertiesBound'],
  ['items', 'schema'],
  ['contains', 'schema'],
  ['minItems', 'itemsBound'],
  ['maxItems', 'itemsBound'],
  ['uniqueItems', 'plain'],
  ['allOf', 'schemaList'],
  ['anyOf', 'schemaList'],
  ['oneOf', 'schemaList'],
  ['not', 'schema'],
  ['if', 'schema'],
  ['then', 'schema'],
  ['else', 'schema'],
]);

/** Why keywords outside the subset are left out, for the messages of the ones a designer may reach for. */
export const UNSUPPORTED_KEYWORD_REASONS: ReadonlyMap<string, string> = new Map([
  ['$ref', 'references are not supported, local ones included: write the subschema where it is used'],
  ['$defs', 'references are not supported, so neither are definitions to refer to: write each subschema where it is used'],
  ['definitions', 'references are not supported, so neither are definitions to refer to: write each subschema where it is used'],
  ['$id', 'a data schema is one document and names no base URI'],
  ['$anchor', 'references are not supported'],
  ['$dynamicRef', 'references are not supported'],
  ['$dynamicAnchor', 'references are not supported'],
  ['$recursiveRef', 'references are not supported'],
  ['$recursiveAnchor', 'references are not supported'],
  ['$vocabulary', 'a data schema uses the draft-07 vocabulary'],
  ['dependencies', "use 'if' and 'then' with 'required' instead"],
  ['dependentRequired', "use 'if' and 'then' with 'required' instead"],
  ['dependentSchemas', "use 'if' and 'then' instead"],
  ['additionalItems', "'items' is one schema for every element"],
  ['prefixItems', "'items' is one schema for every element"],
  ['unevaluatedItems', "use 'items' instead"],
  ['unevaluatedProperties', "use 'additionalProperties' instead"],
  ['minContains', 'not part of draft-07'],
  ['maxContains', 'not part of draft-07'],
  ['contentEncoding', 'application data carries no encoded documents'],
  ['contentMediaType', 'application data carries no encoded documents'],
  ['contentSchema', 'application data carries no encoded documents'],
]);

/** The `$schema` values accepted: draft-07, the dialect the subset is written in. */
export const SUPPORTED_DIALECTS: ReadonlySet<string> = new Set([
  'http://json-schema.org/draft-07/schema#',
  'http://json-schema.org/draft-07/schema',
]);

/**
 * The formats a `dataSchema` may name, checked as `ajv-formats` checks them (RFC 3339 dates and
 * times with a time zone, RFC 5322 e-mail addresses, RFC 3986 absolute URIs, RFC 4122 UUIDs).
 */
export const SUPPORTED_FORMATS = ['date', 'time', 'date-time', 'email', 'uri', 'uuid'] as const;

/** The `type` names whose values `uniqueItems` compares cheaply (by value, not by structure). */
export const SCALAR_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/** Keywords that name no validation: `x-` annotations (Tongban reads `x-enumLabels`). */
export function isAnnotationKeyword(keyword: string): boolean {
  return keyword.startsWith('x-');
}
