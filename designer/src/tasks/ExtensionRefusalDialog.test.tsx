import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { ExtensionRefusalDialog } from './ExtensionRefusalDialog.tsx';

function renderDialog() {
  const onSubmit = vi.fn();
  render(
    <LocaleProvider initial="zh-CN">
      <ExtensionRefusalDialog open submitting={false} onSubmit={onSubmit} onCancel={() => undefined} />
    </LocaleProvider>,
  );
  return onSubmit;
}

const refuseButton = () => within(screen.getByRole('dialog')).getByRole('button', { name: /不予批准/ });

describe('ExtensionRefusalDialog', () => {
  it('should not refuse an extension without a reason', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog();
    await user.type(screen.getByTestId('extension-refusal-reason'), '  ');
    await user.click(refuseButton());
    expect(await screen.findByText('请填写不予批准的理由')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('should send the trimmed reason', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog();
    await user.type(screen.getByTestId('extension-refusal-reason'), ' 理由不充分，请按期办结 ');
    await user.click(refuseButton());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('理由不充分，请按期办结'));
  });
});
