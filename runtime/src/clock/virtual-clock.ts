import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { virtualClock } from '../db/schema/index.ts';
import type { VirtualClock } from './clock.ts';

const ROW_ID = 'default';

/**
 * A virtual clock persisted in table `virtual_clock` (one row). It starts at the persisted instant
 * when there is one, else at `start` (default: the wall clock's now, read once), and moves only
 * through `set`.
 */
export async function createVirtualClock(db: Db, start?: Date): Promise<VirtualClock> {
  const [row] = await db.select().from(virtualClock).where(eq(virtualClock.id, ROW_ID));
  let current = row?.now ?? start ?? new Date();
  if (!row) await db.insert(virtualClock).values({ id: ROW_ID, now: current }).onConflictDoNothing();
  return {
    virtual: true,
    now: () => new Date(current.getTime()),
    async set(to: Date) {
      if (to.getTime() <= current.getTime()) return;
      await db.update(virtualClock).set({ now: to }).where(eq(virtualClock.id, ROW_ID));
      current = new Date(to.getTime());
    },
  };
}
