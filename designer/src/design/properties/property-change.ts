import type { DefinitionChange } from '../model/definition-change.ts';

/**
 * How the properties panel reports an edit: the changes, and a coalescing key naming the field
 * (`node:review:name`), so typing into one field is one undo step.
 */
export type PropertyChangeHandler = (changes: DefinitionChange[], coalesceKey: string) => void;

/** A department kind the panel offers, with its name in the designer's language. */
export interface DepartmentKindOption {
  kind: string;
  label: string;
}
