import type { FormField } from '@tongban/engine';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

/** A value as the Ant Design inputs of a generated form hold it (dates as Day.js objects). */
export type FormInputValue = string | number | boolean | Dayjs | null | undefined;

/** Local dates are exchanged with the API as `YYYY-MM-DD`. */
export const dateFormat = 'YYYY-MM-DD';

/**
 * The initial input values of `fields`, taken from case data `data` (a task's form writes to case
 * data under each field's `key`): dates become Day.js objects, values of the wrong type are left
 * out so the input starts empty. Pure.
 */
export function toFormValues(fields: readonly FormField[], data: Readonly<Record<string, unknown>>): Record<string, FormInputValue> {
  const values: Record<string, FormInputValue> = {};
  for (const field of fields) {
    const value = data[field.key];
    if (value === undefined || value === null) continue;
    switch (field.type) {
      case 'text':
      case 'textarea':
        if (typeof value === 'string') values[field.key] = value;
        break;
      case 'select':
        if (typeof value === 'string' && (field.options ?? []).some((option) => option.value === value)) values[field.key] = value;
        break;
      case 'number':
        if (typeof value === 'number' && Number.isFinite(value)) values[field.key] = value;
        break;
      case 'boolean':
        if (typeof value === 'boolean') values[field.key] = value;
        break;
      case 'date': {
        const date = typeof value === 'string' ? dayjs(value, dateFormat, true) : null;
        if (date?.isValid() === true) values[field.key] = date;
        break;
      }
    }
  }
  return values;
}

/**
 * The data a completed form sends: one entry per field that has a value, dates as `YYYY-MM-DD`,
 * text trimmed; empty inputs are left out. Pure.
 */
export function fromFormValues(fields: readonly FormField[], values: Readonly<Record<string, FormInputValue>>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (value === undefined || value === null) continue;
    if (field.type === 'date') {
      if (dayjs.isDayjs(value)) data[field.key] = value.format(dateFormat);
    } else if (typeof value === 'string') {
      const text = field.type === 'select' ? value : value.trim();
      if (text !== '') data[field.key] = text;
    } else {
      data[field.key] = value;
    }
  }
  return data;
}
