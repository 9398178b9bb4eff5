import { InvalidInputError } from '../errors/index.ts';

const JSON_TYPES: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

/**
 * Checks application data against the top level of a definition's `dataSchema` (JSON Schema):
 * its `required` properties are present, and each given property has the declared `type` and, for
 * an `enum`, one of its values. Deeper keywords are the portal's to check.
 *
 * Pure: performs no I/O.
 * @throws InvalidInputError `invalid-case-data` naming the field as `data.<property>`.
 */
export function checkCaseData(schema: Record<string, unknown> | undefined, data: Record<string, unknown>): void {
  if (!schema) return;
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
  for (const key of required) {
    if (typeof key === 'string' && (data[key] === undefined || data[key] === null)) {
      fail(key, 'required', `Application data lacks the required field '${key}'`);
    }
  }
  const properties = (schema.properties ?? {}) as Record<string, { type?: unknown; enum?: unknown }>;
  for (const [key, value] of Object.entries(data)) {
    const property = properties[key];
    if (!property || value === undefined || value === null) continue;
    const check = typeof property.type === 'string' ? JSON_TYPES[property.type] : undefined;
    if (check && !check(value)) {
      fail(key, 'type', `Field '${key}' of the application data must be of type '${String(property.type)}'`);
    }
    if (Array.isArray(property.enum) && !property.enum.includes(value)) {
      fail(key, 'enum', `Field '${key}' of the application data must be one of ${property.enum.map((v) => `'${String(v)}'`).join(', ')}`);
    }
  }
}

function fail(key: string, reason: string, message: string): never {
  throw new InvalidInputError('invalid-case-data', message, { field: `data.${key}`, reason });
}
