import { describe, expect, it } from 'vitest';
import { fieldPermissionOf, hiddenFields, parseDefinition, validate } from '../src/index.ts';
import type { UserTask } from '../src/index.ts';
import { readFixture } from './load-fixture.ts';

function reviewOf(fixture: string, patch: (review: Record<string, unknown>) => void): ReturnType<typeof validate> {
  const input = readFixture(fixture) as { nodes: Record<string, unknown>[] };
  const review = input.nodes.find((node) => node.id === 'review');
  if (review) patch(review);
  const { definition, diagnostics } = parseDefinition(input);
  return definition ? validate(definition) : diagnostics;
}

describe('field permissions', () => {
  it('should leave application fields read-only and the form editable when the task sets nothing', () => {
    const task = { form: [{ key: 'opinion', type: 'textarea', label: '审查意见', required: false }] } as Pick<UserTask, 'form' | 'fieldPermissions'>;
    expect(fieldPermissionOf(task, 'opinion')).toBe('editable');
    expect(fieldPermissionOf(task, 'idNumber')).toBe('readOnly');
    expect(fieldPermissionOf({ ...task, fieldPermissions: { idNumber: 'editable', opinion: 'readOnly' } }, 'idNumber')).toBe('editable');
    expect(hiddenFields({ fieldPermissions: { idNumber: 'hidden', applicantName: 'editable' } })).toEqual(['idNumber']);
  });

  it('should place an unknown field on its permission entry', () => {
    const found = reviewOf('diagnostics/field-permission-unknown-field.json', () => {});
    expect(found.map((d) => [d.code, d.nodeId, d.field])).toEqual([['field-permission-unknown-field', 'review', 'nodes[2].fieldPermissions.licenceNo']]);
  });

  it('should refuse to hide a required form field, but not an optional one', () => {
    expect(reviewOf('diagnostics/field-permission-hidden-required.json', () => {}).map((d) => d.code)).toEqual(['field-permission-hidden-required']);
    const optional = reviewOf('diagnostics/field-permission-hidden-required.json', (review) => {
      review.form = [{ key: 'opinion', type: 'textarea', label: '审查意见' }];
    });
    expect(optional).toEqual([]);
  });

  it('should accept every permission on data-schema properties and form fields', () => {
    const found = reviewOf('diagnostics/field-permission-unknown-field.json', (review) => {
      review.fieldPermissions = { applicantName: 'editable', idNumber: 'hidden', opinion: 'readOnly' };
    });
    expect(found).toEqual([]);
  });
});
