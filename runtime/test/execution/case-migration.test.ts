import { and, asc, eq, inArray } from 'drizzle-orm';
import { addDuration, cnMainlandCalendar } from '@tongban/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, tasks, timers } from '../../src/db/schema/index.ts';
import { publishDefinition } from '../../src/definitions/definitions.service.ts';
import { checkDatabase } from '../../src/invariants/check-database.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;
/** Cases of version 1 in their parallel reviews, each used by one test. */
let reviewing: string[];
/** A case of version 1 still at its intake. */
let atIntake: string;
/** A case of version 1 whose market review waits for a signer added before its clerk (加签). */
let withSigner: string;

/** The clerk of each review of version 2, by node. */
const CLERKS: Record<string, string> = { 'market-review': 'huangpu.market', fire: 'city.fire', signage: 'huangpu.urban' };

const MAPPING = { market: 'market-review' };

/**
 * Version 2 of `parallel-permit`: market regulation's review is node `market-review`, with a
 * statutory limit of 6 working days instead of 3 and no promised limit; the rest is unchanged.
 */
async function publishVersionTwo(): Promise<void> {
  const permit = await h.fixture('parallel-permit');
  const renamed = JSON.parse(JSON.stringify(permit).replaceAll('"market"', '"market-review"')) as { nodes: Record<string, unknown>[] };
  const nodes = renamed.nodes.map((node) => (node.id === 'market-review' ? { ...node, sla: { statutory: { amount: 6, unit: 'workingDay' } } } : node));
  await publishDefinition(h.database.db, { ...renamed, nodes }, { publishedBy: null, now: h.clock.now(), baseVersion: 1 });
}

async function file(): Promise<string> {
  const { case: created } = await h.runtime.createCase({ definitionKey: 'parallel-permit', jurisdiction: 'sh-huangpu-nanjing-east', applicant: { name: '卫十四' }, data: { businessName: '卫记面馆' }, actor: PORTAL });
  return created.id;
}

/** A case past its intake: market (claimed), fire and signage reviews open. */
async function inParallelReviews(): Promise<string> {
  const caseId = await file();
  const [intake] = await openTasksOf(caseId);
  await h.runtime.completeTask(intake!.id, await h.viewer('huangpu.intake'), { outcome: 'approve', data: { area: 80 } });
  const market = (await openTasksOf(caseId)).find((task) => task.nodeId === 'market');
  await h.runtime.claimTask(market!.id, await h.viewer('huangpu.market'));
  return caseId;
}

async function openTasksOf(caseId: string) {
  return h.database.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.caseId, caseId), inArray(tasks.status, ['open', 'claimed'])))
    .orderBy(asc(tasks.nodeId));
}

async function liveTimersOf(caseId: string) {
  return h.database.db
    .select()
    .from(timers)
    .where(and(eq(timers.caseId, caseId), eq(timers.status, 'pending')));
}

beforeAll(async () => {
  h = await startExecution();
  await h.publish('parallel-permit');
  reviewing = [await inParallelReviews(), await inParallelReviews()];
  atIntake = await file();
  withSigner = await inParallelReviews();
  const market = (await openTasksOf(withSigner)).find((task) => task.nodeId === 'market');
  await h.runtime.addSigners(market!.id, await h.viewer('huangpu.market'), { position: 'before', signers: ['huangpu.intake'], reason: '请窗口先核' });
  await h.runtime.advanceClock({ by: { amount: 1, unit: 'workingDay' } });
  await publishVersionTwo();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('migrating running cases to a later version', () => {
  it('lists in a dry run what would happen to each task and timer, and changes nothing', async () => {
    const caseId = reviewing[0]!;
    const market = (await openTasksOf(caseId)).find((task) => task.nodeId === 'market')!;
    const report = await h.runtime.planCaseMigration({ key: 'parallel-permit', sourceVersion: 1, targetVersion: 2, mapping: MAPPING, caseIds: [caseId] });
    const [planned] = report.cases;
    expect(planned).toMatchObject({ caseId, status: 'ready' });
    expect(planned!.tasks.map((t) => [t.nodeId, t.targetNodeId, t.action]).sort()).toEqual([
      ['fire', 'fire', 'kept'],
      ['market', 'market-review', 'mapped'],
      ['signage', 'signage', 'kept'],
    ]);
    const marketTimers = planned!.timers.filter((t) => t.taskId === market.id);
    // The promised limit (1 working day) has passed already: only the statutory one is live.
    expect(marketTimers.map((t) => [t.kind, t.action])).toEqual([['taskBreach', 'recounted']]);
    const recounted = addDuration(cnMainlandCalendar, market.createdAt, { amount: 6, unit: 'workingDay' }).dueAt;
    expect(marketTimers[0]!.targetDueAt).toBe(recounted.toISOString());
    expect(planned!.timers.filter((t) => t.taskId !== market.id).every((t) => t.action === 'kept')).toBe(true);
    const [row] = await h.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.definitionVersion).toBe(1);
  });

  it('moves a case: the task keeps its row, assignee and start, its limit is recounted, and the case runs to its end on the new version', async () => {
    const caseId = reviewing[1]!;
    const before = (await openTasksOf(caseId)).find((task) => task.nodeId === 'market')!;
    const report = await h.runtime.applyCaseMigration({ key: 'parallel-permit', sourceVersion: 1, targetVersion: 2, mapping: MAPPING, caseIds: [caseId] }, null);
    expect(report.cases[0]).toMatchObject({ caseId, status: 'migrated' });

    const after = (await openTasksOf(caseId)).find((task) => task.id === before.id)!;
    const recounted = addDuration(cnMainlandCalendar, before.createdAt, { amount: 6, unit: 'workingDay' }).dueAt;
    expect(after).toMatchObject({ nodeId: 'market-review', activationId: 'market-review#1', assigneeId: before.assigneeId, status: 'claimed', createdAt: before.createdAt, atRiskAt: before.atRiskAt });
    expect(after.dueAt?.toISOString()).toBe(recounted.toISOString());
    const live = await liveTimersOf(caseId);
    expect(live.filter((t) => t.taskId === before.id).map((t) => [t.kind, t.dueAt?.toISOString()])).toEqual([['taskBreach', recounted.toISOString()]]);

    const check = await checkDatabase(h.database.db);
    expect(check.findings.filter((finding) => finding.caseId === caseId)).toEqual([]);

    const detail = await h.runtime.getCase(caseId, await h.viewer('city.supervisor'));
    expect(detail.definition.version).toBe(2);
    expect(detail.timeline.find((event) => event.type === 'case.migrated')?.payload).toMatchObject({ fromVersion: 1, toVersion: 2, mapping: MAPPING });

    for (const task of await openTasksOf(caseId)) {
      const data = task.nodeId === 'market-review' ? { licenceNumber: 'JY13101010002' } : {};
      await h.runtime.completeTask(task.id, await h.viewer(CLERKS[task.nodeId]!), { outcome: 'approve', data });
    }
    const [ended] = await h.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(ended).toMatchObject({ status: 'completed', result: 'approved' });
  });

  it('refuses, case by case and with the reason, a case another mapping cannot place and one not on the source version', async () => {
    const report = await h.runtime.planCaseMigration({ key: 'parallel-permit', sourceVersion: 1, targetVersion: 2, mapping: { intake: 'end-approved' }, caseIds: [atIntake, 'no-such-case'] });
    expect(report.cases.map((c) => [c.caseId, c.status, c.reason])).toEqual([
      [atIntake, 'refused', 'type-mismatch'],
      ['no-such-case', 'refused', 'case-not-found'],
    ]);
    const moved = await h.runtime.applyCaseMigration({ key: 'parallel-permit', sourceVersion: 1, targetVersion: 2, mapping: MAPPING, caseIds: [reviewing[1]!] }, null);
    expect(moved.cases[0]).toMatchObject({ status: 'refused', reason: 'case-not-on-source-version' });
  });

  it('refuses a case with an added signer until the signer has acted, in the dry run and when applied', async () => {
    const input = { key: 'parallel-permit', sourceVersion: 1, targetVersion: 2, mapping: MAPPING, caseIds: [withSigner] };
    expect((await h.runtime.planCaseMigration(input)).cases[0]).toMatchObject({ status: 'refused', reason: 'signer-pending' });
    expect((await h.runtime.applyCaseMigration(input, null)).cases[0]).toMatchObject({ status: 'refused', reason: 'signer-pending' });
    const [unmoved] = await h.database.db.select().from(cases).where(eq(cases.id, withSigner));
    expect(unmoved?.definitionVersion).toBe(1);
  });

  it('refuses a mapping that names no node of either version, naming the field', async () => {
    await expect(h.runtime.planCaseMigration({ key: 'parallel-permit', sourceVersion: 1, targetVersion: 2, mapping: { market: 'nowhere' } })).rejects.toMatchObject({
      status: 400,
      code: 'invalid-migration',
      details: { field: 'mapping.market' },
    });
    await expect(h.runtime.planCaseMigration({ key: 'parallel-permit', sourceVersion: 2, targetVersion: 1, mapping: {} })).rejects.toMatchObject({ details: { field: 'targetVersion' } });
  });
});
