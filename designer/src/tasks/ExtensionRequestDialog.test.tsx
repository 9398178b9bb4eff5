import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locale.ts';
import { ExtensionRequestDialog } from './ExtensionRequestDialog.tsx';

function renderDialog(locale: Locale = 'zh-CN') {
  const onSubmit = vi.fn();
  render(
    <LocaleProvider initial={locale}>
      <ExtensionRequestDialog
        open
        cap={{ amount: 5, unit: 'workingDay' }}
        approverRole="manager"
        submitting={false}
        onSubmit={onSubmit}
        onCancel={() => undefined}
      />
    </LocaleProvider>,
  );
  return onSubmit;
}

const dialog = () => within(screen.getByRole('dialog'));
const submitButton = () => dialog().getByRole('button', { name: /提交申请|Request/ });

describe('ExtensionRequestDialog', () => {
  it('should tell the cap, its unit and who approves', () => {
    renderDialog();
    expect(dialog().getByText('本环节可延长法定时限至多 5 个工作日，须经管理人员批准；每个环节只能申请一次。')).toBeTruthy();
    expect(dialog().getByText('个工作日')).toBeTruthy();
  });

  it('should ask for both an amount and a reason before requesting', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog();
    await user.type(screen.getByTestId('extension-reason'), '   ');
    await user.click(submitButton());
    expect(await screen.findByText('请填写延长的时间')).toBeTruthy();
    expect(screen.getByText('请填写延期理由')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('should refuse more than the cap', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog();
    await user.type(screen.getByTestId('extension-amount'), '6');
    await user.type(screen.getByTestId('extension-reason'), '需组织专家论证');
    await user.click(submitButton());
    expect(await screen.findByText('延长时间须在 1 至 5 个工作日之间')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('should send the amount and the trimmed reason', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog();
    await user.type(screen.getByTestId('extension-amount'), '3');
    await user.type(screen.getByTestId('extension-reason'), '  需组织专家论证 ');
    await user.click(submitButton());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ amount: 3, reason: '需组织专家论证' }));
  });

  it('should speak English with the unit in the plural', async () => {
    const user = userEvent.setup();
    const onSubmit = renderDialog('en-US');
    expect(dialog().getByText("This step's statutory limit can be extended by up to 5 working days, with the approval of a manager; once per step.")).toBeTruthy();
    await user.click(submitButton());
    expect(await screen.findByText('Give how much longer')).toBeTruthy();
    expect(screen.getByText('Give the reason for the extension')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
