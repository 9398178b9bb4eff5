/**
 * The one Ajv that checks `dataSchema`s and the application data they describe, in the runtime and
 * in the console alike.
 * @module
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { SUPPORTED_FORMATS } from './data-schema-keywords.ts';
import { linearRegExp } from './linear-pattern.ts';

/**
 * Ajv 8 on draft-07: every error reported (`allErrors`), patterns run by RE2 (`code.regExp`), the
 * supported formats of `ajv-formats`, and unknown keywords ignored (`strict: false`: the subset
 * check refuses them before Ajv sees a schema, except the `x-` annotations).
 */
export const dataSchemaAjv = new Ajv({ allErrors: true, strict: false, code: { regExp: linearRegExp } });
addFormats(dataSchemaAjv, [...SUPPORTED_FORMATS]);
