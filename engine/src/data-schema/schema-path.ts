/**
 * `field` paths inside a definition: `dataSchema.properties.contactPhone.pattern`,
 * `dataSchema.allOf[0].required`, `dataSchema.properties["e-mail"]`.
 * @module
 */

const PLAIN_KEY = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** `path` extended by an object key or an array index. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return PLAIN_KEY.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** `path` extended by a JSON Pointer (`/properties/x/minLength`, as Ajv reports schema errors). */
export function pointerPath(path: string, pointer: string): string {
  if (pointer === '') return path;
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((joined, segment) => childPath(joined, /^\d+$/.test(segment) ? Number(segment) : segment), path);
}
