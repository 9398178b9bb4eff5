import { openTasks, type MachineConfigJson, type PersistedCaseSnapshot } from '@tongban/engine';
import { and, asc, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseEvents, cases, serviceInvocations, tasks, timers } from '../db/schema/index.ts';
import { DefinitionStore } from '../definitions/definition-store.ts';
import { checkCase, type CaseFinding } from './case-findings.ts';

/** What {@link checkDatabase} found. */
export interface DatabaseCheck {
  /** How many open cases were checked. */
  cases: number;
  findings: CaseFinding[];
}

/** Open cases read at once, each page in one read-only transaction. */
const PAGE = 200;

/**
 * Checks every open case of the database with {@link checkCase}. Each page of cases is read with
 * its tasks, timers, invocations and audit events in one repeatable-read, read-only transaction, so
 * a system that keeps working meanwhile is seen as of one instant per page (and never blocked).
 */
export async function checkDatabase(db: Db): Promise<DatabaseCheck> {
  const definitions = new DefinitionStore(db);
  const findings: CaseFinding[] = [];
  let checked = 0;
  let after = '';
  for (;;) {
    const page = await db.transaction(
      async (tx) => {
        const rows = await tx
          .select({ id: cases.id, status: cases.status, snapshot: cases.snapshot, definitionKey: cases.definitionKey, definitionVersion: cases.definitionVersion })
          .from(cases)
          .where(and(inArray(cases.status, ['active', 'suspended']), gt(cases.id, after)))
          .orderBy(asc(cases.id))
          .limit(PAGE);
        if (rows.length === 0) return [];
        const ids = rows.map((row) => row.id);
        const [taskRows, timerRows, invocationRows, eventRows] = await Promise.all([
          tx.select().from(tasks).where(inArray(tasks.caseId, ids)),
          tx.select().from(timers).where(inArray(timers.caseId, ids)),
          tx.select({ caseId: serviceInvocations.caseId, activationId: serviceInvocations.activationId, status: serviceInvocations.status }).from(serviceInvocations).where(inArray(serviceInvocations.caseId, ids)),
          tx.select({ caseId: caseEvents.caseId, type: caseEvents.type, taskId: caseEvents.taskId }).from(caseEvents).where(inArray(caseEvents.caseId, ids)),
        ]);
        const pageFindings: CaseFinding[] = [];
        for (const row of rows) {
          const definition = await definitions.get(row.definitionKey, row.definitionVersion, tx);
          pageFindings.push(
            ...checkCase({
              case: row,
              snapshotTasks: openTasks(definition.machine as unknown as MachineConfigJson, row.snapshot as PersistedCaseSnapshot),
              tasks: taskRows.filter((t) => t.caseId === row.id),
              timers: timerRows.filter((t) => t.caseId === row.id),
              invocations: invocationRows.filter((i) => i.caseId === row.id),
              events: eventRows.filter((e) => e.caseId === row.id),
            }),
          );
        }
        findings.push(...pageFindings);
        return ids;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    if (page.length === 0) return { cases: checked, findings };
    checked += page.length;
    after = page.at(-1) as string;
  }
}
