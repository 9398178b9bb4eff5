import type { DeadlineBasis, DeadlineChange, Duration } from '@tongban/engine';
import type { StoredDeadlineBasis } from '../db/schema/index.ts';

/** The engine's basis of a stored one. Pure. */
export function basisOf(stored: StoredDeadlineBasis): DeadlineBasis {
  return {
    from: new Date(stored.from),
    limit: stored.limit,
    changes: stored.changes.map((change): DeadlineChange =>
      change.type === 'extend'
        ? { type: 'extend', by: change.by }
        : { type: 'pause', from: new Date(change.from), ...(change.to === undefined ? {} : { to: new Date(change.to) }) },
    ),
  };
}

/** `stored` with one more change. Pure. */
export function withChange(stored: StoredDeadlineBasis, change: StoredDeadlineBasis['changes'][number]): StoredDeadlineBasis {
  return { ...stored, changes: [...stored.changes, change] };
}

/** `stored` with its open suspension (the last change, a pause without `to`) ended at `to`. Pure. */
export function withPauseEnded(stored: StoredDeadlineBasis, to: Date): StoredDeadlineBasis {
  const last = stored.changes.at(-1);
  if (last?.type !== 'pause' || last.to !== undefined) return stored;
  return { ...stored, changes: [...stored.changes.slice(0, -1), { ...last, to: to.toISOString() }] };
}

/** A first basis: `limit` counted from `from`. Pure. */
export function firstBasis(from: Date, limit: Duration): StoredDeadlineBasis {
  return { from: from.toISOString(), limit, changes: [] };
}
