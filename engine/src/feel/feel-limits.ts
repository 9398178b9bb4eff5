/**
 * What a FEEL expression of a workflow definition may contain, so that its cost is bounded by the
 * case data (`engine/docs/feel.md` explains each limit).
 * @module
 */

/** The longest expression accepted, in characters. */
export const FEEL_MAX_LENGTH = 1000;

/** At most this many operations that build a string or list (`+`, `concatenate`, `append`, ...). */
export const FEEL_MAX_BUILDING_OPERATIONS = 16;

/** At most this deep may iterations over lists (filters `l[...]`, `some`, `every`) nest. */
export const FEEL_MAX_ITERATION_DEPTH = 2;

/**
 * Built-in functions an expression may call: each runs in time and memory linear in its
 * arguments. Left out: `matches`, `replace`, `split` (a regular expression that can backtrack for
 * ever), `sort` (takes a function), `now` and `today` (read the clock), `range` (builds a range
 * from a string).
 */
export const FEEL_ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  'not', 'boolean', 'number', 'string', 'context', 'get value', 'get entries',
  'date', 'time', 'date and time', 'duration', 'years and months duration', 'days and time duration',
  'day of week', 'day of year', 'month of year', 'week of year',
  'string length', 'substring', 'substring before', 'substring after', 'upper case', 'lower case',
  'contains', 'starts with', 'ends with', 'string join',
  'list contains', 'count', 'min', 'max', 'sum', 'mean', 'median', 'mode', 'stddev', 'product', 'all', 'any',
  'sublist', 'append', 'concatenate', 'insert before', 'remove', 'reverse', 'index of', 'union',
  'distinct values', 'flatten',
  'decimal', 'floor', 'ceiling', 'round up', 'round down', 'round half up', 'round half down',
  'abs', 'modulo', 'sqrt', 'log', 'exp', 'odd', 'even',
  'before', 'after', 'meets', 'met by', 'overlaps', 'overlaps before', 'overlaps after', 'finishes',
  'finished by', 'includes', 'during', 'starts', 'started by', 'coincides', 'is',
]);

/** Built-ins that build a string or list from their arguments: each counts as a building operation. */
export const FEEL_BUILDING_FUNCTIONS: ReadonlySet<string> = new Set([
  'string join', 'append', 'concatenate', 'insert before', 'union', 'flatten', 'distinct values', 'get entries',
]);
