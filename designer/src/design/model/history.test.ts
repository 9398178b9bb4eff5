import { describe, expect, it } from 'vitest';
import { beginTransient, commit, createHistory, endTransient, historyLimit, redo, undo, updateTransient } from './history.ts';

describe('history', () => {
  it('undoes and redoes committed steps in order', () => {
    let history = commit(commit(createHistory('a'), 'b'), 'c');
    history = undo(history);
    expect(history.present).toBe('b');
    history = undo(history);
    expect(history.present).toBe('a');
    expect(undo(history)).toBe(history);
    history = redo(redo(history));
    expect(history.present).toBe('c');
    expect(redo(history)).toBe(history);
  });

  it('forgets the redo branch when a new step is committed after an undo', () => {
    const history = commit(undo(commit(createHistory('a'), 'b')), 'x');
    expect(history.future).toEqual([]);
    expect(undo(history).present).toBe('a');
  });

  it('coalesces consecutive commits with the same key into one step', () => {
    let history = commit(createHistory('n'), 'na', 'node:t1:name');
    history = commit(history, 'nam', 'node:t1:name');
    history = commit(history, 'name', 'node:t1:name');
    expect(history.past).toEqual(['n']);
    history = commit(history, 'other', 'node:t2:name');
    expect(history.past).toEqual(['n', 'name']);
  });

  it('ignores a commit of the present snapshot itself', () => {
    const history = createHistory({ a: 1 });
    expect(commit(history, history.present)).toBe(history);
  });

  it('records a whole transient edit as one step from where it began', () => {
    let history = beginTransient(createHistory(0));
    for (let x = 1; x <= 30; x += 1) history = updateTransient(beginTransient(history), x);
    history = endTransient(history);
    expect(history.present).toBe(30);
    expect(history.past).toEqual([0]);
    expect(undo(history).present).toBe(0);
  });

  it('records nothing for a transient edit that changed nothing', () => {
    const history = endTransient(beginTransient(createHistory('a')));
    expect(history.past).toEqual([]);
  });

  it('keeps at most the history limit of past snapshots', () => {
    let history = createHistory(0);
    for (let n = 1; n <= historyLimit + 20; n += 1) history = commit(history, n);
    expect(history.past).toHaveLength(historyLimit);
    expect(history.past[0]).toBe(20);
  });
});
