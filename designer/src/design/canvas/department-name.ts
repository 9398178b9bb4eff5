import type { DesignWords } from '../messages.ts';

/** The name of a department kind in the designer's language; the kind id when it is not a known kind. */
export function departmentName(kind: string, t: DesignWords): string {
  if (kind === '') return t.noDepartment;
  return t.departmentKinds[kind] ?? kind;
}
