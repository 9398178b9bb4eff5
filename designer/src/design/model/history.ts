/**
 * Undo/redo over immutable snapshots. Only edits the user means are recorded: structural changes,
 * field edits (consecutive edits of one field coalesce into one step) and whole drags (one step
 * from drag start to drag stop); measurement and selection never enter it (pitfalls B27).
 */
export interface History<T> {
  /** Older snapshots, oldest first. */
  readonly past: readonly T[];
  readonly present: T;
  /** Snapshots undone, the next one to redo first. */
  readonly future: readonly T[];
  /** The coalescing key of the last commit: a commit with the same key replaces it. */
  readonly lastKey?: string;
  /** The snapshot a transient edit (a drag) started from. */
  readonly transientBase?: T;
}

/** Most snapshots kept in the past. */
export const historyLimit = 100;

/** A history whose only snapshot is `present`. */
export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/**
 * Records `next` as a new step. With a `key` equal to the previous commit's, `next` replaces the
 * present instead (typing into one field is one step). A `next` identical to the present is ignored.
 */
export function commit<T>(history: History<T>, next: T, key?: string): History<T> {
  if (next === history.present) return history;
  if (key !== undefined && key === history.lastKey) {
    return { past: history.past, present: next, future: [], lastKey: key };
  }
  return { past: [...history.past, history.present].slice(-historyLimit), present: next, future: [], lastKey: key };
}

/** Starts a transient edit: later {@link updateTransient} calls change the present without steps. */
export function beginTransient<T>(history: History<T>): History<T> {
  return { ...history, transientBase: history.transientBase ?? history.present };
}

/** Changes the present without recording a step (a drag in progress). */
export function updateTransient<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next };
}

/** Ends a transient edit: one step from where it began, or none when nothing changed. */
export function endTransient<T>(history: History<T>): History<T> {
  const base = history.transientBase;
  const settled: History<T> = { past: history.past, present: history.present, future: history.future };
  if (base === undefined || base === history.present) return settled;
  return { past: [...history.past, base].slice(-historyLimit), present: history.present, future: [] };
}

/** Goes one step back; unchanged when there is nothing to undo. */
export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

/** Goes one step forward again; unchanged when there is nothing to redo. */
export function redo<T>(history: History<T>): History<T> {
  const next = history.future[0];
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1) };
}
