import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { departments, users } from '../src/db/schema/index.ts';
import type { Viewer } from '../src/organisation/viewer.ts';

/** The viewer of demo user `username` (as the HTTP API builds it for a signed-in user). */
export async function viewerOf(db: Db, username: string): Promise<Viewer> {
  const [found] = await db
    .select({ user: users, department: departments })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.username, username));
  if (!found) throw new Error(`The demo user '${username}' is missing`);
  return {
    kind: 'user',
    userId: found.user.id,
    username: found.user.username,
    departmentId: found.department.id,
    departmentKind: found.department.kind,
    jurisdictionId: found.department.jurisdictionId,
    roles: found.user.roles,
  };
}
