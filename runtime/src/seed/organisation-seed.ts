import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { levels, roles } from '../db/schema/index.ts';

const organisationSeedSchema = z.object({
  $comment: z.string().optional(),
  demoPassword: z.string().min(8),
  jurisdictions: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      level: z.enum(levels),
      parentId: z.string().nullable(),
      /** The business calendar its cases are counted on; absent: its parent's. */
      calendar: z.string().min(1).optional(),
    }),
  ),
  departments: z.array(
    z.object({ id: z.string().min(1), jurisdictionId: z.string().min(1), kind: z.string().min(1), name: z.string().min(1) }),
  ),
  users: z.array(
    z.object({
      id: z.string().min(1),
      username: z.string().min(1),
      displayName: z.string().min(1),
      departmentId: z.string().min(1),
      roles: z.array(z.enum(roles)).min(1),
    }),
  ),
});

/** The demo organisation as data: jurisdictions, departments, demo users and their shared password. */
export type OrganisationSeed = z.infer<typeof organisationSeedSchema>;

/** Path of the organisation data file, `runtime/seed/organisation.json`. */
export const organisationSeedFile = new URL('../../seed/organisation.json', import.meta.url);

let cached: OrganisationSeed | undefined;

/**
 * Reads and validates `seed/organisation.json`; every parent, jurisdiction and department a row
 * names must exist in the file.
 * @throws {Error} naming the row whose reference does not resolve.
 */
export function loadOrganisationSeed(): OrganisationSeed {
  if (cached !== undefined) return cached;
  const data = organisationSeedSchema.parse(JSON.parse(readFileSync(organisationSeedFile, 'utf8')));
  const jurisdictionIds = new Set(data.jurisdictions.map((j) => j.id));
  const departmentIds = new Set(data.departments.map((d) => d.id));
  for (const j of data.jurisdictions) {
    if (j.parentId !== null && !jurisdictionIds.has(j.parentId)) {
      throw new Error(`Jurisdiction '${j.id}' names parent '${j.parentId}', which is not in organisation.json`);
    }
  }
  for (const d of data.departments) {
    if (!jurisdictionIds.has(d.jurisdictionId)) {
      throw new Error(`Department '${d.id}' names jurisdiction '${d.jurisdictionId}', which is not in organisation.json`);
    }
  }
  for (const u of data.users) {
    if (!departmentIds.has(u.departmentId)) {
      throw new Error(`User '${u.username}' names department '${u.departmentId}', which is not in organisation.json`);
    }
  }
  cached = data;
  return data;
}
