/**
 * A BPMN id as a workflow key: lower case, runs of other characters as one `-`, no leading
 * non-letters, no trailing `-` (`WFP-6-1` → `wfp-6-1`, `Process_1` → `process-1`). The result may
 * still be empty; callers check it against the key schema.
 * @internal
 */
export function kebabKey(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
}
