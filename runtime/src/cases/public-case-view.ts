import type { CaseRow, SupplementItem, TaskRow } from '../db/schema/index.ts';

/**
 * A case as the applicant's portal reads it (its public face): where it stands, the public names
 * of the steps it is at and their due dates, what a 补正 asks for, and the result. Nothing internal:
 * no idempotency fields, no form data of the clerks, no clerk, no internal ids of tasks.
 */
export interface PublicCaseView {
  id: string;
  caseNumber: string;
  workflow: { key: string; name: string };
  status: CaseRow['status'];
  /** Why the case is suspended (`supplement` for a 补正), and since when; null when it runs. */
  suspension: { reason: NonNullable<CaseRow['suspensionReason']>; since: Date | null } | null;
  filedAt: Date;
  /** When it was accepted (受理); null until then. */
  acceptedAt: Date | null;
  /** When the promised total (承诺时限) runs out, when the workflow promises one. */
  promisedDueAt: Date | null;
  /** The steps the case is at, by their public name, each with its statutory due date. */
  currentSteps: { name: string; dueAt: Date | null }[];
  /** The latest 补正: when it was asked, what for, and when it was answered (null until then). */
  supplement: { requestedAt: string; items: SupplementItem[]; answeredAt: string | null } | null;
  /** The result (`approved`, `rejected`, `withdrawn`, …) once the case ended, with the reason given. */
  result: string | null;
  resultReason: string | null;
  completedAt: Date | null;
}

/**
 * The public face of case `row` with its tasks, on `workflowName`. Pure: performs no I/O.
 */
export function publicCaseViewOf(row: CaseRow, taskRows: readonly TaskRow[], workflowName: string): PublicCaseView {
  const open = taskRows.filter((t) => t.status === 'open' || t.status === 'claimed');
  const asked = [...taskRows]
    .filter((t) => t.supplementRequest !== null)
    .sort((a, b) => (b.supplementRequest?.requestedAt ?? '').localeCompare(a.supplementRequest?.requestedAt ?? ''))[0]?.supplementRequest;
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    workflow: { key: row.definitionKey, name: workflowName },
    status: row.status,
    suspension: row.status === 'suspended' && row.suspensionReason !== null ? { reason: row.suspensionReason, since: row.suspendedSince } : null,
    filedAt: row.createdAt,
    acceptedAt: row.acceptedAt,
    promisedDueAt: row.promisedDueAt,
    currentSteps: [...new Map(open.map((t) => [t.name, t])).values()].map((t) => ({ name: t.name, dueAt: t.dueAt })),
    supplement: asked === undefined || asked === null ? null : { requestedAt: asked.requestedAt, items: asked.items, answeredAt: asked.answeredAt ?? null },
    result: row.result,
    resultReason: row.resultReason,
    completedAt: row.completedAt,
  };
}
