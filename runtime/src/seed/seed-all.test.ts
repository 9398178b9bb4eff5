import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/index.ts';
import type { TestDatabase } from '../../test/support/index.ts';
import { workflowDefinitions } from '@tongban/workflows';
import { departments, jurisdictions, users, workflowDefinitions as storedDefinitions } from '../db/schema/index.ts';
import { verifyPassword } from '../infra/password.ts';
import { loadOrganisationSeed } from './organisation-seed.ts';
import { seedAll } from './seed-all.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('seedAll', () => {
  it('publishes every shipped workflow once, then changes nothing on a second pass', async () => {
    const now = new Date('2026-03-02T01:00:00Z');
    const first = await seedAll(database.db, { now });
    expect(first.workflows.published.sort()).toEqual(workflowDefinitions.map((d) => `${d.key}@1`).sort());
    const before = await database.db.select().from(users).orderBy(users.id);
    const second = await seedAll(database.db, { now });
    expect(second).toEqual({
      jurisdictions: { inserted: 0, updated: 0 },
      departments: { inserted: 0, updated: 0 },
      users: { inserted: 0, updated: 0 },
      workflows: { published: [], unchanged: workflowDefinitions.length },
    });
    expect(await database.db.select().from(users).orderBy(users.id)).toEqual(before);
    expect(await database.db.$count(storedDefinitions)).toBe(workflowDefinitions.length);
  });

  it('publishes the next version of a workflow whose latest stored definition differs', async () => {
    const key = workflowDefinitions[0]!.key;
    await database.db
      .update(storedDefinitions)
      .set({ definition: { ...workflowDefinitions[0], version: 1, name: 'an older draft' } })
      .where(eq(storedDefinitions.key, key));
    const result = await seedAll(database.db, { now: new Date('2026-03-03T01:00:00Z') });
    expect(result.workflows).toEqual({ published: [`${key}@2`], unchanged: workflowDefinitions.length - 1 });
  });

  it('puts back a changed department name and a deleted user, keeping other users as they are', async () => {
    await database.db.update(departments).set({ name: '改名' }).where(eq(departments.id, 'sh-xuhui-health'));
    const [kept] = await database.db.select().from(users).where(eq(users.id, 'xuhui.hr'));
    await database.db.delete(users).where(eq(users.id, 'xuhui.health'));
    const result = await seedAll(database.db, { now: new Date('2026-03-02T01:00:00Z') });
    expect(result.departments).toEqual({ inserted: 0, updated: 1 });
    expect(result.users).toEqual({ inserted: 1, updated: 0 });
    const [department] = await database.db.select().from(departments).where(eq(departments.id, 'sh-xuhui-health'));
    expect(department!.name).toBe('徐汇区卫生健康委员会');
    const [restored] = await database.db.select().from(users).where(eq(users.id, 'xuhui.health'));
    expect(await verifyPassword('tongban123', restored!.passwordHash)).toBe(true);
    expect((await database.db.select().from(users).where(eq(users.id, 'xuhui.hr')))[0]).toEqual(kept);
  });

  it('seeds the demo organisation of organisation.json', async () => {
    const seed = loadOrganisationSeed();
    expect(await database.db.$count(jurisdictions)).toBe(7);
    expect(await database.db.$count(departments)).toBe(4 * 23);
    expect(await database.db.$count(users)).toBe(seed.users.length);
    const [lujiazui] = await database.db.select().from(jurisdictions).where(eq(jurisdictions.id, 'sh-pudong-lujiazui'));
    expect(lujiazui).toEqual({ id: 'sh-pudong-lujiazui', name: '陆家嘴街道', level: 'subDistrict', parentId: 'sh-pudong', calendarKey: null });
    const [city] = await database.db.select().from(jurisdictions).where(eq(jurisdictions.id, 'sh'));
    expect(city?.calendarKey).toBe('cn-mainland');
    const [intake] = await database.db.select().from(users).where(eq(users.username, 'huangpu.intake'));
    expect(intake).toMatchObject({ departmentId: 'sh-huangpu-service-hall', roles: ['clerk'] });
    expect(await verifyPassword('tongban123', intake!.passwordHash)).toBe(true);
  });
});
