import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema/index.ts';
import { subCaseCaseId } from '../../src/cases/index.ts';
import { PORTAL, startExecution, type ExecutionHarness } from './support/execution-harness.ts';

let h: ExecutionHarness;

beforeAll(async () => {
  h = await startExecution();
  await h.publish('food-licence-sub');
  await h.publish('restaurant-with-licence');
});

afterAll(async () => {
  await h?.close();
});

async function detail(caseId: string) {
  return h.runtime.getCase(caseId, await h.viewer('city.supervisor'));
}

async function openTask(caseId: string, nodeId: string) {
  const found = (await detail(caseId)).tasks.find((t) => t.nodeId === nodeId && (t.status === 'open' || t.status === 'claimed'));
  if (!found) throw new Error(`No open task at '${nodeId}' in case '${caseId}'`);
  return found;
}

/** A parent case past intake: its id and its sub-case's. */
async function waitingForLicence(): Promise<{ parentId: string; childId: string }> {
  const { case: parent } = await h.runtime.createCase({
    definitionKey: 'restaurant-with-licence',
    jurisdiction: 'sh-huangpu-nanjing-east',
    applicant: { name: '卫十四', phone: '13900000000' },
    data: { businessName: '外滩食堂', seats: 40 },
    actor: PORTAL,
  });
  await h.runtime.completeTask((await openTask(parent.id, 'intake')).id, await h.viewer('huangpu.intake'), { outcome: 'approve' });
  const [child] = await h.database.db.select().from(cases).where(eq(cases.parentCaseId, parent.id));
  return { parentId: parent.id, childId: child!.id };
}

describe('call activities and sub-cases', () => {
  it('start a sub-case of the called workflow in the same jurisdiction, with the inputs named', async () => {
    const { parentId, childId } = await waitingForLicence();
    expect(childId).toBe(subCaseCaseId(`${parentId}/food-licence#1`));
    const child = await detail(childId);
    expect(child.case).toMatchObject({
      definitionKey: 'food-licence-sub',
      jurisdictionId: 'sh-huangpu-nanjing-east',
      applicant: { name: '卫十四' },
      data: { businessName: '外滩食堂' },
      parentCaseId: parentId,
      parentNodeId: 'food-licence',
      status: 'active',
    });
    expect(child.case.data).not.toHaveProperty('seats');
    expect(child.tasks).toMatchObject([{ nodeId: 'food-review', departmentId: 'sh-huangpu-market-regulation', status: 'open' }]);
    const parent = await detail(parentId);
    expect(parent.activeNodes).toEqual(['food-licence']);
    expect(parent.timeline.find((e) => e.type === 'subCase.started')?.payload).toMatchObject({ caseId: childId, definitionKey: 'food-licence-sub' });
  });

  it('start one sub-case when two clerks complete the intake at once', async () => {
    const { case: parent } = await h.runtime.createCase({
      definitionKey: 'restaurant-with-licence',
      jurisdiction: 'sh-huangpu-nanjing-east',
      applicant: { name: '蒋十五' },
      data: { businessName: '南京路面馆' },
      actor: PORTAL,
    });
    const intake = await openTask(parent.id, 'intake');
    const clerk = await h.viewer('huangpu.intake');
    const results = await Promise.allSettled([
      h.runtime.completeTask(intake.id, clerk, { outcome: 'approve' }),
      h.runtime.completeTask(intake.id, clerk, { outcome: 'approve' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const children = await h.database.db.select().from(cases).where(eq(cases.parentCaseId, parent.id));
    expect(children).toHaveLength(1);
  });

  it('step the parent on when the sub-case completes, with its result and data', async () => {
    const { parentId, childId } = await waitingForLicence();
    const review = await openTask(childId, 'food-review');
    await h.runtime.completeTask(review.id, await h.viewer('huangpu.market'), { outcome: 'approve', data: { foodLicenceNumber: 'JY13101010042' } });
    const child = await detail(childId);
    expect(child.case).toMatchObject({ status: 'completed', result: 'approved' });
    expect(child.case.parentNotifiedAt).not.toBeNull();
    const parent = await detail(parentId);
    expect(parent.activeNodes).toEqual(['issue']);
    expect(parent.case.data).toMatchObject({ businessName: '外滩食堂', seats: 40, foodLicenceNumber: 'JY13101010042' });
    expect(parent.timeline.map((e) => e.type)).toContain('subCase.completed');
  });

  it('route the parent by any other result along the edge without an outcome', async () => {
    const { parentId, childId } = await waitingForLicence();
    await h.runtime.completeTask((await openTask(childId, 'food-review')).id, await h.viewer('huangpu.market'), { outcome: 'reject', reason: '场所不符合要求' });
    expect((await detail(parentId)).case).toMatchObject({ status: 'completed', result: 'rejected' });

    const other = await waitingForLicence();
    await h.runtime.withdrawCase(other.childId, { reason: '改为他人办理' }, PORTAL);
    expect((await detail(other.parentId)).case).toMatchObject({ status: 'completed', result: 'rejected' });
  });

  it('withdraw the sub-case when the parent leaves the call activity, without telling the parent', async () => {
    const { parentId, childId } = await waitingForLicence();
    await h.runtime.withdrawCase(parentId, { reason: '不再开店' }, PORTAL);
    const child = await detail(childId);
    expect(child.case).toMatchObject({ status: 'completed', result: 'withdrawn' });
    expect(child.tasks.every((t) => t.status === 'closed')).toBe(true);
    expect((await detail(parentId)).case).toMatchObject({ status: 'completed', result: 'withdrawn' });
    expect((await detail(parentId)).timeline.map((e) => e.type)).toContain('subCase.cancelled');
  });

  it('hold the end of a sub-case back while the parent is suspended, and tell it when it resumes', async () => {
    const { parentId, childId } = await waitingForLicence();
    const manager = await h.viewer('huangpu.manager');
    await h.runtime.suspendCase(parentId, { reason: 'hearing' }, manager);
    await h.runtime.completeTask((await openTask(childId, 'food-review')).id, await h.viewer('huangpu.market'), { outcome: 'approve', data: { foodLicenceNumber: 'JY1' } });
    expect((await detail(childId)).case).toMatchObject({ status: 'completed', parentNotifiedAt: null });
    expect((await detail(parentId)).activeNodes).toEqual(['food-licence']);
    await h.runtime.resumeCase(parentId, {}, manager);
    const parent = await detail(parentId);
    expect(parent.activeNodes).toEqual(['issue']);
    expect(parent.case.data).toMatchObject({ foodLicenceNumber: 'JY1' });
    expect((await detail(childId)).case.parentNotifiedAt).not.toBeNull();
  });
});
