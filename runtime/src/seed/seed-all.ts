import type { Db } from '../db/client.ts';
import type { SeedCounts } from './seed-counts.ts';
import { seedDemoUsers } from './seed-demo-users.ts';
import { seedOrganisation } from './seed-organisation.ts';
import { seedWorkflows } from './seed-workflows.ts';
import type { WorkflowSeedResult } from './seed-workflows.ts';

/** What {@link seedAll} changed. */
export interface SeedAllResult {
  jurisdictions: SeedCounts;
  departments: SeedCounts;
  users: SeedCounts;
  workflows: WorkflowSeedResult;
}

/**
 * Seeds everything a fresh system needs: the demo organisation, its demo users, and the workflows
 * of `@tongban/workflows` (published at `now`). Idempotent: a second pass changes nothing.
 */
export async function seedAll(db: Db, options: { now: Date }): Promise<SeedAllResult> {
  const organisation = await seedOrganisation(db);
  const users = await seedDemoUsers(db);
  const workflows = await seedWorkflows(db, options);
  return { ...organisation, users, workflows };
}
