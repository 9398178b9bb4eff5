import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FieldPermission, UserTask } from '@tongban/engine';
import { LocaleProvider } from '../../i18n/index.ts';
import { FieldPermissionsEditor } from './FieldPermissionsEditor.tsx';

const form: UserTask['form'] = [{ key: 'opinion', type: 'textarea', label: '审查意见', required: false }];

function renderEditor(fieldPermissions: Record<string, FieldPermission> | undefined, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const onChange = vi.fn<(value: Record<string, FieldPermission> | undefined) => void>();
  render(
    <LocaleProvider initial={locale}>
      <FieldPermissionsEditor task={{ form, fieldPermissions }} applicationFields={['idNumber', 'address']} onChange={onChange} />
    </LocaleProvider>,
  );
  return onChange;
}

const checked = (key: string) => (within(screen.getByTestId(`field-permission-${key}`)).getByRole('radio', { checked: true }) as HTMLInputElement).value;

describe('FieldPermissionsEditor', () => {
  it('lists the application fields, then the form fields, each with its permission or the default', () => {
    renderEditor({ idNumber: 'hidden' });
    const rows = within(screen.getByTestId('field-permissions-editor')).getAllByTestId(/^field-permission-/);
    expect(rows.map((row) => row.dataset.testid)).toEqual(['field-permission-idNumber', 'field-permission-address', 'field-permission-opinion']);
    expect([checked('idNumber'), checked('address'), checked('opinion')]).toEqual(['hidden', 'readOnly', 'editable']);
  });

  it('reports a changed permission and drops an entry set back to its default', () => {
    const onChange = renderEditor({ idNumber: 'hidden' });
    fireEvent.click(within(screen.getByTestId('field-permission-address')).getByLabelText('可编辑'));
    expect(onChange).toHaveBeenLastCalledWith({ idNumber: 'hidden', address: 'editable' });
    fireEvent.click(within(screen.getByTestId('field-permission-idNumber')).getByLabelText('只读'));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('speaks English when asked', () => {
    renderEditor(undefined, 'en-US');
    expect(within(screen.getByTestId('field-permission-opinion')).getByLabelText('Hidden')).toBeTruthy();
  });
});
