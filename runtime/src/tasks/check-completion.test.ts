import { parseDefinition } from '@tongban/engine';
import type { UserTask, WorkflowDefinition } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { checkCompletion, checkSupplementItemsOutcome } from './check-completion.ts';

const { definition } = parseDefinition({
  schemaVersion: 1,
  key: 'review-loop',
  version: 1,
  name: 'Review loop',
  calendar: 'cn-mainland',
  nodes: [
    { id: 'start', name: 'Start', type: 'startEvent' },
    { id: 'a', name: 'A', type: 'userTask', department: 'health', candidateRole: 'clerk' },
    { id: 'b', name: 'B', type: 'userTask', department: 'health', candidateRole: 'clerk' },
    {
      id: 'c',
      name: 'C',
      type: 'userTask',
      department: 'health',
      candidateRole: 'clerk',
      outcomes: [
        { id: 'approve', label: 'Approve' },
        { id: 'return', label: 'Return' },
      ],
      form: [
        { key: 'verdict', type: 'select', label: 'Verdict', required: true, options: [{ value: 'ok', label: 'OK' }] },
        { key: 'checked', type: 'boolean', label: 'Checked' },
      ],
    },
    { id: 'end', name: 'End', type: 'endEvent', result: 'approved' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'a' },
    { id: 'e2', source: 'a', target: 'b', outcome: 'approve' },
    { id: 'e3', source: 'b', target: 'c', outcome: 'approve' },
    { id: 'e4', source: 'c', target: 'end', outcome: 'approve' },
    { id: 'e5', source: 'c', target: 'a', outcome: 'return' },
    { id: 'e6', source: 'c', target: 'b', outcome: 'return' },
  ],
}) as { definition: WorkflowDefinition };
const node = definition.nodes.find((n) => n.id === 'c') as UserTask;

describe('checkCompletion', () => {
  it('accepts an offered outcome with valid form data', () => {
    expect(checkCompletion(definition, node, { outcome: 'approve', data: { verdict: 'ok', checked: true } })).toBeUndefined();
  });

  it('asks for returnTo when a task has several return targets, and checks it', () => {
    expect(() => checkCompletion(definition, node, { outcome: 'return', data: {} })).toThrow(expect.objectContaining({ details: { field: 'returnTo', reason: 'required' } }));
    expect(() => checkCompletion(definition, node, { outcome: 'return', data: {}, returnTo: 'end' })).toThrow(expect.objectContaining({ details: { field: 'returnTo', reason: 'not-offered' } }));
    expect(checkCompletion(definition, node, { outcome: 'return', data: {}, returnTo: 'b' })).toBe('b');
  });

  it('does not ask for required fields when the clerk sends the case back', () => {
    expect(checkCompletion(definition, node, { outcome: 'return', data: {}, returnTo: 'a' })).toBe('a');
  });

  it('names the field whose value has the wrong type', () => {
    expect(() => checkCompletion(definition, node, { outcome: 'approve', data: { verdict: 'ok', checked: 'yes' } })).toThrow(
      expect.objectContaining({ status: 400, details: { field: 'data.checked', reason: 'type' } }),
    );
  });

  it('refuses an outcome the task does not offer', () => {
    expect(() => checkCompletion(definition, node, { outcome: 'reject', data: {} })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'outcome' }) }));
  });
});

describe('checkSupplementItemsOutcome', () => {
  const items = [{ kind: 'document', document: '营业执照', note: '缺' }];

  it('takes supplementItems with requestSupplement, and a completion of any outcome without them', () => {
    expect(() => checkSupplementItemsOutcome({ outcome: 'requestSupplement', supplementItems: items })).not.toThrow();
    expect(() => checkSupplementItemsOutcome({ outcome: 'approve' })).not.toThrow();
  });

  it('refuses supplementItems, even none, with any other outcome, naming the field', () => {
    for (const outcome of ['approve', 'reject', 'return', 'inspect']) {
      for (const supplementItems of [items, []]) {
        expect(() => checkSupplementItemsOutcome({ outcome, supplementItems })).toThrow(
          expect.objectContaining({ code: 'invalid-task-input', details: { field: 'supplementItems', reason: 'not-a-supplement' } }),
        );
      }
    }
  });
});
