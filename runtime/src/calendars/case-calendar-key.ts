import type { WorkflowDefinition } from '@tongban/engine';
import type { Organisation } from '../organisation/organisation.ts';

/**
 * The calendar a case filed in jurisdiction `jurisdictionId` on `definition` is counted on: the
 * jurisdiction's (its own or its nearest ancestor's), else the definition's `calendar`. Pinned on
 * the case when it is filed, like its definition version.
 */
export function caseCalendarKey(organisation: Organisation, jurisdictionId: string, definition: Pick<WorkflowDefinition, 'calendar'>): string {
  return organisation.calendarKeyOf(jurisdictionId) ?? definition.calendar;
}
