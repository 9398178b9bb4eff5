import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { SupplementDialog } from './SupplementDialog.tsx';

function renderDialog(initialNote = '') {
  const onSubmit = vi.fn();
  render(
    <LocaleProvider initial="zh-CN">
      <SupplementDialog
        open
        fields={[{ key: 'address', label: '经营场所' }]}
        initialNote={initialNote}
        submitting={false}
        onSubmit={onSubmit}
        onCancel={() => undefined}
      />
    </LocaleProvider>,
  );
  return onSubmit;
}

const submitButton = () => within(screen.getByRole('dialog')).getByRole('button', { name: /提\s?交/ });

describe('SupplementDialog', () => {
  it('should not request a supplement without naming the document and what is wanted', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog();
    await user.type(screen.getByTestId('supplement-item-note-0'), '   ');
    await user.click(submitButton());
    expect(await screen.findByText('请填写材料名称')).toBeTruthy();
    expect(await screen.findByText('请写明要求')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  }, 90_000);

  it('should send every item, trimmed, starting the first note from what the form already says', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog('须加盖公章');
    await user.type(screen.getByTestId('supplement-item-document-0'), ' 平面布局图 ');
    await user.click(screen.getByTestId('supplement-add-item'));
    await user.type(screen.getByTestId('supplement-item-document-1'), '租赁合同');
    await user.type(screen.getByTestId('supplement-item-note-1'), '原件扫描');
    await user.click(submitButton());
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith([
        { kind: 'document', document: '平面布局图', note: '须加盖公章' },
        { kind: 'document', document: '租赁合同', note: '原件扫描' },
      ]),
    );
  }, 90_000);
});
