import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { CaseExecutor } from '../cases/case-executor.ts';
import { pageOf, type Page, type PageRequest } from '../cases/case-views.ts';
import type { Db } from '../db/client.ts';
import { cases, incidents, serviceInvocations, type CaseRow, type IncidentKind, type IncidentRow, type IncidentStatus } from '../db/schema/index.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/index.ts';
import { describe, scopeJurisdictionIds } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { Viewer } from '../organisation/viewer.ts';

/** An incident as the API shows it, with its case's workflow and jurisdiction. */
export interface IncidentView extends IncidentRow {
  /** The number a person reads of its case. */
  caseNumber: string;
  definitionKey: string;
  caseJurisdictionId: string;
  caseStatus: CaseRow['status'];
}

/** Filters of {@link IncidentsService.listIncidents}. */
export interface IncidentFilters extends PageRequest {
  status?: IncidentStatus;
  kind?: IncidentKind;
  caseId?: string;
}

/** Roles that see and retry incidents (in their jurisdiction's subtree). */
const INCIDENT_ROLES = ['manager', 'admin'];

/**
 * Incidents (DESIGN.md §2): service tasks whose invocation failed after its last attempt, where
 * the case waits at the task (kind `service`); FEEL expressions whose evaluation exceeded its
 * budget, where the step that needed it did not happen (kind `feel`). Managers see those of cases filed in their jurisdiction's subtree, admins every one,
 * and retry them.
 */
export class IncidentsService {
  constructor(private readonly options: { db: Db; executor: CaseExecutor; organisation: () => Promise<Organisation> }) {}

  /**
   * Incidents in the viewer's scope, newest first.
   * @throws ForbiddenError `incidents-forbidden` for a viewer who is not a manager or admin.
   */
  async listIncidents(viewer: Viewer, filters: IncidentFilters = {}): Promise<Page<IncidentView>> {
    const jurisdictions = await this.scope(viewer);
    const conditions: SQL[] = [inArray(cases.jurisdictionId, jurisdictions)];
    if (filters.status) conditions.push(eq(incidents.status, filters.status));
    if (filters.kind) conditions.push(eq(incidents.kind, filters.kind));
    if (filters.caseId) conditions.push(eq(incidents.caseId, filters.caseId));
    const where = and(...conditions);
    const { limit, offset } = pageOf(filters);
    const { db } = this.options;
    const [rows, [total]] = await Promise.all([
      db
        .select({ incident: incidents, caseNumber: cases.caseNumber, definitionKey: cases.definitionKey, caseJurisdictionId: cases.jurisdictionId, caseStatus: cases.status })
        .from(incidents)
        .innerJoin(cases, eq(cases.id, incidents.caseId))
        .where(where)
        .orderBy(desc(incidents.createdAt), desc(incidents.id))
        .limit(limit)
        .offset(offset),
      db.select({ n: sql<number>`count(*)::int` }).from(incidents).innerJoin(cases, eq(cases.id, incidents.caseId)).where(where),
    ]);
    return { items: rows.map(viewOf), total: total?.n ?? 0 };
  }

  /**
   * Retries an open incident: the service task invokes its service anew (engine event
   * `service.retry`: a new invocation, with the node's retry policy). The incident is resolved when
   * that invocation succeeds; when it fails after its retries, the incident stays open with the new
   * error.
   *
   * @throws NotFoundError `incident-not-found` (also outside the viewer's scope); ForbiddenError
   *   `incidents-forbidden`; ConflictError `incident-not-open` (resolved), `incident-retrying` (a
   *   retry is under way), `case-suspended`, `incident-not-retryable` (kind `feel`: the step it
   *   stopped is sent again, e.g. the task completed with other data, and the incident is
   *   resolved when a step of the case succeeds).
   */
  async retryIncident(incidentId: string, viewer: Viewer): Promise<IncidentView> {
    const jurisdictions = await this.scope(viewer);
    const [found] = await this.options.db
      .select({ caseId: incidents.caseId, jurisdictionId: cases.jurisdictionId })
      .from(incidents)
      .innerJoin(cases, eq(cases.id, incidents.caseId))
      .where(eq(incidents.id, incidentId));
    if (!found || !jurisdictions.includes(found.jurisdictionId)) {
      throw new NotFoundError('incident-not-found', `Incident '${incidentId}' does not exist`, { incidentId });
    }
    return this.options.executor.withCase(found.caseId, viewer.userId ?? null, async (unit) => {
      const [incident] = await unit.tx.select().from(incidents).where(eq(incidents.id, incidentId));
      if (!incident) throw new NotFoundError('incident-not-found', `Incident '${incidentId}' does not exist`, { incidentId });
      if (incident.status !== 'open') {
        throw new ConflictError('incident-not-open', `Incident '${incidentId}' is ${incident.status}`, { incidentId, status: incident.status });
      }
      if (incident.kind === 'feel' || incident.invocationId === null) {
        throw new ConflictError(
          'incident-not-retryable',
          `Incident '${incidentId}' is a FEEL expression over its budget (edge '${incident.edgeId ?? ''}'): send the step again (complete the task with other data); the incident is resolved when a step of its case succeeds`,
          { incidentId, kind: incident.kind },
        );
      }
      const [failed] = await unit.tx.select().from(serviceInvocations).where(eq(serviceInvocations.id, incident.invocationId));
      const [running] = await unit.tx
        .select({ id: serviceInvocations.id })
        .from(serviceInvocations)
        .where(
          and(
            eq(serviceInvocations.caseId, incident.caseId),
            eq(serviceInvocations.nodeId, incident.nodeId),
            inArray(serviceInvocations.status, ['queued', 'retryWait']),
          ),
        );
      if (running || !failed) {
        throw new ConflictError('incident-retrying', `Incident '${incidentId}' is being retried already`, { incidentId });
      }
      unit.record('incident.retried', { incidentId, nodeId: incident.nodeId, service: incident.service, invocationId: incident.invocationId });
      await unit.step({ type: 'service.retry', nodeId: incident.nodeId, serviceId: failed.activationId });
      const [updated] = await unit.tx
        .update(incidents)
        .set({ retries: incident.retries + 1, retriedAt: unit.now, retriedBy: viewer.userId ?? null, updatedAt: unit.now })
        .where(eq(incidents.id, incidentId))
        .returning();
      return viewOf({
        incident: updated as IncidentRow,
        caseNumber: unit.case.caseNumber,
        definitionKey: unit.case.definitionKey,
        caseJurisdictionId: unit.case.jurisdictionId,
        caseStatus: unit.case.status,
      });
    });
  }

  private async scope(viewer: Viewer): Promise<string[]> {
    if (viewer.kind !== 'user' || !viewer.jurisdictionId || !INCIDENT_ROLES.some((role) => viewer.roles.includes(role))) {
      throw new ForbiddenError('incidents-forbidden', `${describe(viewer)} may not see incidents: managers and admins may`);
    }
    return scopeJurisdictionIds(viewer, await this.options.organisation()) ?? [];
  }
}

function viewOf(row: { incident: IncidentRow; caseNumber: string; definitionKey: string; caseJurisdictionId: string; caseStatus: CaseRow['status'] }): IncidentView {
  return { ...row.incident, caseNumber: row.caseNumber, definitionKey: row.definitionKey, caseJurisdictionId: row.caseJurisdictionId, caseStatus: row.caseStatus };
}
