import type { Db } from '../db/client.ts';
import type { SeedCounts } from './seed-counts.ts';
import { seedDemoUsers } from './seed-demo-users.ts';
import { seedOrganisation } from './seed-organisation.ts';

/** What {@link seedAll} changed. */
export interface SeedAllResult {
  jurisdictions: SeedCounts;
  departments: SeedCounts;
  users: SeedCounts;
}

/**
 * Seeds everything a fresh system needs: the demo organisation and its demo users. Idempotent.
 * @param options.now the instant recorded on what this pass writes.
 */
export async function seedAll(db: Db, options: { now: Date }): Promise<SeedAllResult> {
  const organisation = await seedOrganisation(db);
  const users = await seedDemoUsers(db);
  return { ...organisation, users };
}
