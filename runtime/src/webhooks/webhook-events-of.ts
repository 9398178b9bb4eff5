import type { WebhookEvent } from '../db/schema/index.ts';

/** A case event as a unit records it (type and payload). */
export interface RecordedCaseEvent {
  type: string;
  payload: Record<string, unknown>;
}

/** What a subscriber is told of one event: its name and its public data. */
export interface WebhookNotice {
  event: WebhookEvent;
  data: Record<string, unknown>;
}

/**
 * The webhook events among a step's recorded case events, with only what the applicant may read:
 * `case.accepted` (when, and whether deemed by the art. 32 deadline), `case.supplementRequested`
 * (a suspension for 补正), `case.completed` (the result and its reason). Internal fields (node
 * ids, timers, closed tasks) are left out.
 */
export function webhookNoticesOf(events: readonly RecordedCaseEvent[]): WebhookNotice[] {
  return events.flatMap((e): WebhookNotice[] => {
    switch (e.type) {
      case 'case.accepted':
        return [{ event: 'case.accepted', data: { acceptedAt: e.payload.acceptedAt ?? null, deemed: e.payload.deemed === true } }];
      case 'case.suspended':
        return e.payload.reason === 'supplement' ? [{ event: 'case.supplementRequested', data: {} }] : [];
      case 'case.completed':
        return [{ event: 'case.completed', data: { result: e.payload.result ?? null, reason: e.payload.reason ?? null } }];
      default:
        return [];
    }
  });
}
