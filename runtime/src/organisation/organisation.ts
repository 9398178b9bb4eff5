import type { Department, Jurisdiction } from '../db/schema/index.ts';
import { NotFoundError } from '../errors/index.ts';

/**
 * The jurisdiction tree and its departments, in memory (the organisation is small and changes only
 * when it is seeded). Pure lookups; load it with `loadOrganisation`.
 */
export class Organisation {
  private readonly jurisdictionById: Map<string, Jurisdiction>;
  private readonly departmentById: Map<string, Department>;
  private readonly departmentByJurisdictionKind: Map<string, Department>;
  private readonly childrenById: Map<string, string[]>;

  constructor(jurisdictions: readonly Jurisdiction[], departments: readonly Department[]) {
    this.jurisdictionById = new Map(jurisdictions.map((j) => [j.id, j]));
    this.departmentById = new Map(departments.map((d) => [d.id, d]));
    this.departmentByJurisdictionKind = new Map(departments.map((d) => [`${d.jurisdictionId}/${d.kind}`, d]));
    this.childrenById = new Map();
    for (const j of jurisdictions) {
      if (j.parentId === null) continue;
      const siblings = this.childrenById.get(j.parentId) ?? [];
      siblings.push(j.id);
      this.childrenById.set(j.parentId, siblings);
    }
  }

  /** The jurisdiction `id`, or undefined. */
  jurisdiction(id: string): Jurisdiction | undefined {
    return this.jurisdictionById.get(id);
  }

  /** The department `id`, or undefined. */
  department(id: string): Department | undefined {
    return this.departmentById.get(id);
  }

  /** The jurisdiction `id` and its ancestors, nearest first. */
  ancestry(id: string): Jurisdiction[] {
    const chain: Jurisdiction[] = [];
    let current = this.jurisdictionById.get(id);
    while (current) {
      chain.push(current);
      current = current.parentId === null ? undefined : this.jurisdictionById.get(current.parentId);
    }
    return chain;
  }

  /**
   * The key of the business calendar cases filed in jurisdiction `id` are counted on: its own, or
   * its nearest ancestor's; undefined when none in the chain names one.
   */
  calendarKeyOf(id: string): string | undefined {
    return this.ancestry(id).find((j) => j.calendarKey !== null)?.calendarKey ?? undefined;
  }

  /** Ids of the jurisdictions that name calendar `key` themselves, sorted. */
  jurisdictionsNaming(key: string): string[] {
    return [...this.jurisdictionById.values()].filter((j) => j.calendarKey === key).map((j) => j.id).sort();
  }

  /** Ids of every jurisdiction of the tree. */
  jurisdictionIds(): string[] {
    return [...this.jurisdictionById.keys()];
  }

  /** Ids of the jurisdiction `id` and every jurisdiction below it. */
  subtree(id: string): string[] {
    const ids: string[] = [];
    const queue = [id];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      ids.push(next);
      queue.push(...(this.childrenById.get(next) ?? []));
    }
    return ids;
  }

  /**
   * The jurisdiction at `level` that a case filed in `jurisdictionId` belongs to: that jurisdiction
   * itself or its ancestor at that level; undefined when there is none (a city case for a district
   * task).
   */
  jurisdictionAtLevel(jurisdictionId: string, level: string): Jurisdiction | undefined {
    return this.ancestry(jurisdictionId).find((j) => j.level === level);
  }

  /**
   * The department that handles a userTask of department `kind` at `level` for a case filed in
   * `jurisdictionId` (DESIGN.md §5): the case's own jurisdiction when it is at that level, else its
   * ancestor at that level ({@link jurisdictionAtLevel}); never one above that level.
   *
   * @throws NotFoundError `jurisdiction-not-found` or `department-not-found`.
   */
  routeTask(jurisdictionId: string, kind: string, level: string): Department {
    const chain = this.ancestry(jurisdictionId);
    if (chain.length === 0) {
      throw new NotFoundError('jurisdiction-not-found', `Jurisdiction '${jurisdictionId}' does not exist`, {
        jurisdictionId,
      });
    }
    const target = this.jurisdictionAtLevel(jurisdictionId, level);
    const department = target && this.departmentByJurisdictionKind.get(`${target.id}/${kind}`);
    if (!target || !department) {
      throw new NotFoundError(
        'department-not-found',
        `No '${kind}' department at level '${level}' for jurisdiction '${jurisdictionId}' (looked in '${target?.id}')`,
        { jurisdictionId, kind, level },
      );
    }
    return department;
  }

  /** Ids of every department of every jurisdiction. */
  departmentIds(): string[] {
    return [...this.departmentById.keys()];
  }

  /** The departments of the jurisdiction `id` and of every jurisdiction below it. */
  departmentsWithin(id: string): Department[] {
    const within = new Set(this.subtree(id));
    return [...this.departmentById.values()].filter((d) => within.has(d.jurisdictionId));
  }

  /** The department of `kind` in jurisdiction `jurisdictionId`, or undefined. */
  departmentOf(jurisdictionId: string, kind: string): Department | undefined {
    return this.departmentByJurisdictionKind.get(`${jurisdictionId}/${kind}`);
  }
}
