import { and, arrayOverlaps, inArray } from 'drizzle-orm';
import { users } from '../db/schema/index.ts';
import type { Tx } from '../cases/transaction.ts';

/** A user of a department, as a notification is addressed to them. */
export interface DepartmentUser {
  id: string;
  departmentId: string;
  roles: string[];
}

/** The users of `departmentIds` holding one of `roles`, in one query. */
export async function departmentUsers(tx: Tx, departmentIds: readonly string[], roles: readonly string[]): Promise<DepartmentUser[]> {
  if (departmentIds.length === 0 || roles.length === 0) return [];
  return tx
    .select({ id: users.id, departmentId: users.departmentId, roles: users.roles })
    .from(users)
    .where(and(inArray(users.departmentId, [...departmentIds]), arrayOverlaps(users.roles, [...roles])));
}
