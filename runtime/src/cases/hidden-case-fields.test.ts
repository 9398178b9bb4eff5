import type { WorkflowDefinition } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { hiddenCaseFields, withoutFields } from './hidden-case-fields.ts';

const task = (id: string, fieldPermissions: Record<string, 'hidden' | 'readOnly' | 'editable'>) => ({
  id,
  type: 'userTask',
  name: id,
  department: 'market',
  candidateRole: 'clerk',
  form: [],
  outcomes: [],
  fieldPermissions,
});
const definition = { nodes: [task('intake', { idNumber: 'hidden', income: 'hidden' }), task('review', { idNumber: 'hidden', income: 'readOnly' })] } as unknown as WorkflowDefinition;

describe('hiddenCaseFields', () => {
  it('hides a field only when every step the reader knows the case through hides it', () => {
    expect([...hiddenCaseFields(definition, ['intake'])].sort()).toEqual(['idNumber', 'income']);
    expect([...hiddenCaseFields(definition, ['intake', 'review'])]).toEqual(['idNumber']);
    expect(hiddenCaseFields(definition, [])).toEqual(new Set());
  });

  it('leaves the hidden keys out of data and keeps the rest', () => {
    expect(withoutFields({ shopName: '店', idNumber: '310' }, new Set(['idNumber']))).toEqual({ shopName: '店' });
    expect(withoutFields(null, new Set(['idNumber']))).toBeNull();
  });
});
