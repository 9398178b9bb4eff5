import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { departments, jurisdictions } from '../db/schema/index.ts';
import { loadOrganisationSeed } from './organisation-seed.ts';
import type { OrganisationSeed } from './organisation-seed.ts';
import { countUpserts } from './seed-counts.ts';
import type { SeedCounts } from './seed-counts.ts';

/** What {@link seedOrganisation} changed. */
export interface OrganisationSeedResult {
  jurisdictions: SeedCounts;
  departments: SeedCounts;
}

const wasInserted = sql<boolean>`(xmax = 0)`;

/**
 * Upserts the jurisdictions and departments of `seed/organisation.json`. Idempotent: a row is
 * written only when it is missing or differs from the file; rows not in the file are left alone.
 * A jurisdiction's calendar is taken from the file only while it has none (one chosen through the
 * API stays).
 */
export async function seedOrganisation(
  db: Db,
  data: OrganisationSeed = loadOrganisationSeed(),
): Promise<OrganisationSeedResult> {
  return db.transaction(async (tx) => {
    const jurisdictionRows = await tx
      .insert(jurisdictions)
      .values(data.jurisdictions.map(({ calendar, ...j }) => ({ ...j, calendarKey: calendar ?? null })))
      .onConflictDoUpdate({
        target: jurisdictions.id,
        set: {
          name: sql`excluded.name`,
          level: sql`excluded.level`,
          parentId: sql`excluded.parent_id`,
          calendarKey: sql`coalesce(${jurisdictions.calendarKey}, excluded.calendar_key)`,
        },
        setWhere: sql`(${jurisdictions.name}, ${jurisdictions.level}, ${jurisdictions.parentId}, ${jurisdictions.calendarKey}) is distinct from (excluded.name, excluded.level, excluded.parent_id, coalesce(${jurisdictions.calendarKey}, excluded.calendar_key))`,
      })
      .returning({ inserted: wasInserted });
    const departmentRows = await tx
      .insert(departments)
      .values(data.departments)
      .onConflictDoUpdate({
        target: departments.id,
        set: { jurisdictionId: sql`excluded.jurisdiction_id`, kind: sql`excluded.kind`, name: sql`excluded.name` },
        setWhere: sql`(${departments.jurisdictionId}, ${departments.kind}, ${departments.name}) is distinct from (excluded.jurisdiction_id, excluded.kind, excluded.name)`,
      })
      .returning({ inserted: wasInserted });
    return { jurisdictions: countUpserts(jurisdictionRows), departments: countUpserts(departmentRows) };
  });
}
