import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { step } from '@tongban/engine';
import type { MachineConfigJson } from '@tongban/engine';
import { caseCalendarKey } from '../calendars/case-calendar-key.ts';
import { cases, type CaseRow } from '../db/schema/index.ts';
import { ConflictError } from '../errors/index.ts';
import { feelBudgetConflict } from '../feel/feel-budget-conflict.ts';
import { caseNumberPrefixOf, drawCaseNumber, filingYear } from './case-number.ts';
import type { CaseWork } from './case-work.ts';

/**
 * The id of the case that runs sub-case `subCaseId` (the engine's `<parent>/<node>#<n>`): a UUID
 * drawn from a SHA-256 of it, so starting the same sub-case twice finds the same case.
 *
 * Pure: performs no I/O.
 */
export function subCaseCaseId(subCaseId: string): string {
  const hex = createHash('sha256').update(`tongban-sub-case/${subCaseId}`).digest('hex');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Starts the sub-case a call activity asks for (`startSubCase`), in the parent's transaction: a
 * case of `definitionKey` (at `version`, or its latest published one) in the parent's
 * jurisdiction, for the parent's applicant, with `data`, its first tasks created. Starting it again
 * does nothing.
 *
 * @throws NotFoundError `definition-not-found` when the called workflow has no such version.
 */
export async function startSubCase(
  parent: CaseWork,
  effect: { nodeId: string; subCaseId: string; definitionKey: string; version: number | null; data: Record<string, unknown> },
): Promise<void> {
  const definition =
    effect.version === null
      ? await parent.definitions.latest(effect.definitionKey, parent.tx)
      : await parent.definitions.get(effect.definitionKey, effect.version, parent.tx);
  const id = subCaseCaseId(effect.subCaseId);
  const calendarKey = caseCalendarKey(parent.organisation, parent.case.jurisdictionId, definition.definition);
  let started;
  try {
    started = step(definition.machine as unknown as MachineConfigJson, undefined, { type: 'case.start' }, parent.now, { caseId: id, data: effect.data }, { feel: parent.feel });
  } catch (error) {
    throw feelBudgetConflict(error, parent.case.id, definition.definition) ?? error;
  }
  const [existing] = await parent.tx.select({ id: cases.id }).from(cases).where(eq(cases.id, id));
  if (existing) return;
  const caseNumber = await drawCaseNumber(parent.tx, caseNumberPrefixOf(parent.case.caseNumber), filingYear(parent.now, parent.calendars.get(calendarKey).timeZone));
  const [row] = await parent.tx
    .insert(cases)
    .values({
      id,
      caseNumber,
      definitionKey: definition.key,
      definitionVersion: definition.version,
      jurisdictionId: parent.case.jurisdictionId,
      calendarKey,
      applicant: parent.case.applicant,
      data: effect.data,
      status: 'active',
      snapshot: started.snapshot,
      createdBy: parent.actorId,
      createdAt: parent.now,
      updatedAt: parent.now,
      parentCaseId: parent.case.id,
      parentNodeId: effect.nodeId,
      parentSubCaseId: effect.subCaseId,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return;
  parent.record('subCase.started', {
    nodeId: effect.nodeId,
    subCaseId: effect.subCaseId,
    caseId: id,
    definitionKey: definition.key,
    definitionVersion: definition.version,
  });
  const child = parent.relatedUnit(definition, row, parent);
  child.record('case.created', {
    definitionKey: definition.key,
    definitionVersion: definition.version,
    jurisdictionId: row.jurisdictionId,
    applicant: row.applicant,
    parentCaseId: parent.case.id,
    parentNodeId: effect.nodeId,
  });
  await child.apply(started.effects);
}

/**
 * Withdraws the sub-case a call activity no longer waits for (`cancelSubCase`), in the parent's
 * transaction: its open tasks close and it ends `withdrawn`; the parent, which left, is not told.
 */
export async function cancelSubCase(parent: CaseWork, effect: { nodeId: string; subCaseId: string }): Promise<void> {
  const id = subCaseCaseId(effect.subCaseId);
  const [row] = await parent.tx.select().from(cases).where(eq(cases.id, id)).for('update');
  if (!row || row.status === 'completed') return;
  const child = parent.relatedUnit(await parent.definitions.get(row.definitionKey, row.definitionVersion, parent.tx), row);
  child.update({ parentNotifiedAt: parent.now });
  child.record('case.withdrawn', { reason: 'parent-left', parentCaseId: parent.case.id, parentNodeId: effect.nodeId });
  await child.step({ type: 'case.withdraw' });
  parent.record('subCase.cancelled', { nodeId: effect.nodeId, subCaseId: effect.subCaseId, caseId: id });
}

/**
 * Tells the parent of a sub-case that just ended (`subCase.completed` with its result and data,
 * the data merged into the parent's case data), in the sub-case's transaction: through the
 * parent's unit when the parent started it in this transaction, else with the parent's row locked.
 * A suspended parent is told when it resumes; a parent that no longer waits records
 * `subCase.ignored`.
 */
export async function notifyParent(child: CaseWork): Promise<void> {
  const row = child.case;
  if (row.parentCaseId === null || row.parentNotifiedAt !== null) return;
  const parent = child.parentUnit ?? (await lockedParent(child, row.parentCaseId));
  if (!parent) return;
  await tell(parent, child.case, (changes) => child.update(changes));
}

/** Tells a resumed parent the ends of its sub-cases its suspension held back. */
export async function deliverDeferredSubCases(parent: CaseWork): Promise<void> {
  const ended = await parent.tx
    .select()
    .from(cases)
    .where(and(eq(cases.parentCaseId, parent.case.id), eq(cases.status, 'completed'), isNull(cases.parentNotifiedAt), isNotNull(cases.parentSubCaseId)))
    .for('update');
  for (const row of ended) {
    await tell(parent, row, async (changes) => {
      await parent.tx.update(cases).set(changes).where(eq(cases.id, row.id));
    });
  }
}

async function lockedParent(child: CaseWork, parentCaseId: string): Promise<CaseWork | undefined> {
  const [row] = await child.tx.select().from(cases).where(eq(cases.id, parentCaseId)).for('update');
  if (!row) return undefined;
  return child.relatedUnit(await child.definitions.get(row.definitionKey, row.definitionVersion, child.tx), row);
}

async function tell(parent: CaseWork, ended: CaseRow, markNotified: (changes: Partial<CaseRow>) => unknown): Promise<void> {
  const base = { nodeId: ended.parentNodeId, subCaseId: ended.parentSubCaseId, caseId: ended.id, result: ended.result };
  if (parent.case.status === 'suspended') {
    parent.record('subCase.deferred', base);
    return;
  }
  await markNotified({ parentNotifiedAt: parent.now });
  try {
    await parent.step({
      type: 'subCase.completed',
      nodeId: ended.parentNodeId as string,
      subCaseId: ended.parentSubCaseId as string,
      result: ended.result ?? '',
      data: ended.data,
    });
    parent.update({ data: { ...parent.case.data, ...ended.data } });
    parent.record('subCase.completed', base);
  } catch (error) {
    if (!(error instanceof ConflictError && (error.code === 'sub-case-not-active' || error.code === 'case-completed'))) throw error;
    parent.record('subCase.ignored', { ...base, reason: error.message });
  }
}
