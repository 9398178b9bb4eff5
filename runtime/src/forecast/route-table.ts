import { levelSchema, type Level } from '@tongban/engine';
import { NotFoundError } from '../errors/index.ts';
import type { Organisation } from '../organisation/organisation.ts';

/**
 * Where the new tasks of a case go: the department id by {@link routeKey} of the userTask's
 * department kind (or its instance's) and level; a pair without a department is absent. Plain
 * data, so that a forecast can be handed to a worker thread.
 */
export type RouteTable = ReadonlyMap<string, string>;

/** The key of a department kind at a level in a {@link RouteTable}. */
export function routeKey(kind: string, level: Level): string {
  return `${level}/${kind}`;
}

/**
 * The route table of a case filed in `jurisdictionId`: every department kind of `organisation`
 * at every level, routed as the runtime routes a task (`Organisation.routeTask`).
 *
 * Pure: performs no I/O.
 */
export function routeTableOf(organisation: Organisation, jurisdictionId: string): RouteTable {
  const kinds = new Set(organisation.departmentIds().flatMap((id) => organisation.department(id)?.kind ?? []));
  const table = new Map<string, string>();
  for (const level of levelSchema.options) {
    for (const kind of kinds) {
      try {
        table.set(routeKey(kind, level), organisation.routeTask(jurisdictionId, kind, level).id);
      } catch (error) {
        // No department of this kind at this level: the pair stays absent.
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
  }
  return table;
}
