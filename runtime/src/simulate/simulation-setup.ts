import { addWorkingMinutes, parseDefinition } from '@tongban/engine';
import type { BusinessCalendar, UserTask, WorkflowDefinition } from '@tongban/engine';
import type { OrganisationSeed } from '../seed/organisation-seed.ts';
import type { ApiClient, Credentials } from './api-client.ts';
import type { ApiClockAdvance, ApiDefinitionVersion, ApiDepartment, ApiJurisdiction } from './api.types.ts';
import type { FilingPlace } from './application-generator.ts';
import { SimulationError } from './errors/simulation.error.ts';

/** A department the simulation works for, through its demo clerks. */
export interface Desk {
  departmentId: string;
  clerks: Credentials[];
}

/** The definition of a published version, parsed by the engine (defaults applied). */
export function parsedDefinition(published: ApiDefinitionVersion): WorkflowDefinition {
  const { definition, diagnostics } = parseDefinition(published.definition);
  if (!definition) {
    throw new SimulationError('unreadable-definition', `Workflow '${published.key}' v${published.version} does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  }
  return definition;
}

/** Username of a supervisor (else manager, else admin) of the root jurisdiction: sees every case. */
export function observerOf(organisation: OrganisationSeed): string {
  const root = organisation.jurisdictions.find((j) => j.parentId === null)?.id;
  const atRoot = organisation.users.filter((u) => organisation.departments.find((d) => d.id === u.departmentId)?.jurisdictionId === root);
  for (const role of ['supervisor', 'manager', 'admin'] as const) {
    const user = atRoot.find((u) => u.roles.includes(role));
    if (user) return user.username;
  }
  throw new SimulationError('no-clerks', `No supervisor, manager or admin of jurisdiction '${root ?? '?'}' is among the demo users`);
}

/** Username of an admin among the demo users: only an admin may move the virtual clock (`POST /clock/advance`). */
export function clockKeeperOf(organisation: OrganisationSeed): string {
  const admin = organisation.users.find((u) => u.roles.includes('admin'));
  if (!admin) throw new SimulationError('no-admin', 'No admin is among the demo users; only an admin may move the virtual clock');
  return admin.username;
}

/** The places cases are filed in: `wanted`, or every district and sub-district; with their address prefix. */
export function filingPlaces(jurisdictions: readonly ApiJurisdiction[], wanted: readonly string[] | undefined): FilingPlace[] {
  const byId = new Map(jurisdictions.map((j) => [j.id, j]));
  const ids = wanted ?? jurisdictions.filter((j) => j.level !== 'city').map((j) => j.id);
  return ids.map((id) => {
    if (!byId.has(id)) {
      throw new SimulationError('unknown-jurisdiction', `Jurisdiction '${id}' does not exist; known: ${[...byId.keys()].join(', ')}`, { jurisdiction: id });
    }
    const names: string[] = [];
    for (let j = byId.get(id); j; j = j.parentId === null ? undefined : byId.get(j.parentId)) {
      if (j.level !== 'subDistrict') names.unshift(j.name);
    }
    return { id, addressPrefix: names.join('') };
  });
}

/** A function giving the district a jurisdiction lies in (itself for a district; undefined for the city). */
export function districtResolver(jurisdictions: readonly ApiJurisdiction[]): (id: string) => string | undefined {
  const byId = new Map(jurisdictions.map((j) => [j.id, j]));
  return (id) => {
    for (let j = byId.get(id); j; j = j.parentId === null ? undefined : byId.get(j.parentId)) {
      if (j.level === 'district') return j.id;
    }
    return undefined;
  };
}

/**
 * Signs in the demo clerks of every department the workflow's tasks can reach from `places`: a
 * department of a userTask's kind in a filing place or one of its ancestors, with a demo user
 * holding the task's candidate role.
 */
export async function signInDesks(
  organisation: OrganisationSeed,
  departments: readonly ApiDepartment[],
  jurisdictions: readonly ApiJurisdiction[],
  places: readonly FilingPlace[],
  userTasks: readonly UserTask[],
  signIn: (username: string) => Promise<Credentials>,
): Promise<Desk[]> {
  const byId = new Map(jurisdictions.map((j) => [j.id, j]));
  const reachable = new Set<string>();
  for (const place of places) {
    for (let j = byId.get(place.id); j; j = j.parentId === null ? undefined : byId.get(j.parentId)) reachable.add(j.id);
  }
  const kinds = new Set(userTasks.map((t) => t.department));
  const roles = new Set(userTasks.map((t) => t.candidateRole));
  const wanted = departments.filter((d) => kinds.has(d.kind) && reachable.has(d.jurisdictionId)).sort((a, b) => a.id.localeCompare(b.id));
  const desks: Desk[] = [];
  for (const department of wanted) {
    const users = organisation.users.filter((u) => u.departmentId === department.id && u.roles.some((r) => roles.has(r)));
    if (users.length === 0) continue;
    desks.push({ departmentId: department.id, clerks: await Promise.all(users.map((u) => signIn(u.username))) });
  }
  return desks;
}

/**
 * Moves the clock to one working hour into the next working period when it stands outside
 * working time (a night, a weekend, a holiday), so rounds fall inside working days.
 */
export async function alignToWorkingTime(api: ApiClient, as: Credentials, calendar: BusinessCalendar, now: Date): Promise<Date> {
  const nextWorkingMinute = addWorkingMinutes(calendar, now, 1).dueAt;
  if (nextWorkingMinute.getTime() - now.getTime() <= 60_000) return now;
  const target = addWorkingMinutes(calendar, now, 60).dueAt;
  const moved = await api.post<ApiClockAdvance>('/clock/advance', { as, body: { to: target.toISOString() } });
  return new Date(moved.now);
}
