import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { SupplementDialog } from './SupplementDialog.tsx';

function renderDialog(initialItems = '') {
  const onSubmit = vi.fn();
  render(
    <LocaleProvider initial="zh-CN">
      <SupplementDialog open initialItems={initialItems} submitting={false} onSubmit={onSubmit} onCancel={() => undefined} />
    </LocaleProvider>,
  );
  return onSubmit;
}

const submitButton = () => within(screen.getByRole('dialog')).getByRole('button', { name: /提\s?交/ });

describe('SupplementDialog', () => {
  it('should not request a supplement without saying what is missing', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog();
    await user.type(screen.getByTestId('supplement-items'), '   ');
    await user.click(submitButton());
    expect(await screen.findByText('请一次性写明需要申请人补正的全部内容')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('should start from what the form already says and send the trimmed text', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog('经营场所产权证明');
    await user.type(screen.getByTestId('supplement-items'), '；食品安全管理制度 ');
    await user.click(submitButton());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('经营场所产权证明；食品安全管理制度'));
  });
});
