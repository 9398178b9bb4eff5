/**
 * The reason a completion gives: its `reason` when that is a non-blank string, else the value of
 * form field `field` in its `data` when that is one; `undefined` when it gives none.
 * @internal
 */
export function decisionReason(completion: { reason?: unknown; data?: Record<string, unknown> }, field: string | null | undefined): string | undefined {
  const given = completion.reason;
  if (typeof given === 'string' && given.trim() !== '') return given;
  const filled = field === null || field === undefined ? undefined : completion.data?.[field];
  return typeof filled === 'string' && filled.trim() !== '' ? filled : undefined;
}
