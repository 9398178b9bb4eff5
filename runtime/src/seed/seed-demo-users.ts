import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { hashPassword } from '../infra/password.ts';
import { loadOrganisationSeed } from './organisation-seed.ts';
import type { OrganisationSeed } from './organisation-seed.ts';
import { countUpserts } from './seed-counts.ts';
import type { SeedCounts } from './seed-counts.ts';

/**
 * Upserts the demo users of `seed/organisation.json` (run {@link seedOrganisation} first: users
 * reference departments). New users get the file's demo password, hashed with scrypt once per pass:
 * the password is published, so one salt for all of them hides nothing, and 36 hashes would cost
 * about 2 s of CPU. An existing user keeps their password hash, and has display name, department and
 * roles updated only when they differ from the file. Idempotent.
 */
export async function seedDemoUsers(db: Db, data: OrganisationSeed = loadOrganisationSeed()): Promise<SeedCounts> {
  const existing = new Set((await db.select({ id: users.id }).from(users)).map((row) => row.id));
  const demoHash = data.users.some((user) => !existing.has(user.id)) ? await hashPassword(data.demoPassword) : '';
  const rows = data.users.map((user) => ({ ...user, passwordHash: existing.has(user.id) ? '' : demoHash }));
  const written = await db
    .insert(users)
    .values(rows)
    .onConflictDoUpdate({
      target: users.id,
      set: {
        username: sql`excluded.username`,
        displayName: sql`excluded.display_name`,
        departmentId: sql`excluded.department_id`,
        roles: sql`excluded.roles`,
      },
      setWhere: sql`(${users.username}, ${users.displayName}, ${users.departmentId}, ${users.roles}) is distinct from (excluded.username, excluded.display_name, excluded.department_id, excluded.roles)`,
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return countUpserts(written);
}
