/**
 * The limits of the JSON Schema a designer writes for application data (a definition's
 * `dataSchema`): what a form needs, and no more, so that no schema can make checking an
 * application expensive. `engine/docs/data-schema.md` explains each one.
 * @module
 */

/** The largest schema, in bytes of its JSON text (UTF-8). */
export const MAX_DATA_SCHEMA_BYTES = 65_536;

/** How deep a schema nests arrays and objects (its own JSON, annotations and `enum` values included). */
export const MAX_DATA_SCHEMA_DEPTH = 24;

/** The most (sub)schemas one schema holds, the root included. */
export const MAX_DATA_SCHEMA_NODES = 500;

/** The most properties one `properties` names. */
export const MAX_DATA_SCHEMA_PROPERTIES = 200;

/** The most values one `enum` lists. */
export const MAX_ENUM_VALUES = 500;

/** The longest `pattern` (or key of `patternProperties`), in characters. */
export const MAX_PATTERN_LENGTH = 500;

/** The most patterns one `patternProperties` holds. */
export const MAX_PATTERN_PROPERTIES = 20;

/**
 * The largest `minLength` / `maxLength`: text a form field can hold, in characters. The same as the
 * longest string the Tongban runtime reads in application data, so a schema never promises more.
 */
export const MAX_STRING_LENGTH = 10_000;

/** The largest `minItems` / `maxItems`: the longest array the runtime reads in application data. */
export const MAX_ARRAY_ITEMS = 1_000;

/** The largest `minProperties` / `maxProperties`: the most keys the runtime reads in one object of application data. */
export const MAX_OBJECT_PROPERTIES = 200;

/**
 * The largest `maxItems` of an array whose items are compared whole by `uniqueItems` (items
 * without a scalar `type`): each item is compared with every other, so the work grows with the
 * square of the count.
 */
export const MAX_UNIQUE_ITEMS_COMPARED = 100;

/** The largest magnitude of a numeric bound (`minimum`, `maximum`, …, `multipleOf`): integers stay exact up to it. */
export const MAX_NUMERIC_BOUND = Number.MAX_SAFE_INTEGER;

/** The most issues one check of application data reports; the rest are left out. */
export const MAX_DATA_ISSUES = 50;
