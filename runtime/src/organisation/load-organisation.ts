import type { Db } from '../db/client.ts';
import { departments, jurisdictions } from '../db/schema/index.ts';
import { Organisation } from './organisation.ts';

/** Reads the jurisdiction tree and the departments into an {@link Organisation}. */
export async function loadOrganisation(db: Db): Promise<Organisation> {
  const [jurisdictionRows, departmentRows] = await Promise.all([
    db.select().from(jurisdictions),
    db.select().from(departments),
  ]);
  return new Organisation(jurisdictionRows, departmentRows);
}
