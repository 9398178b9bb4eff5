import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TaskExtension } from '../api/api.types.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locale.ts';
import { ExtensionStatus } from './ExtensionStatus.tsx';

const requested: TaskExtension = {
  amount: 3,
  unit: 'workingDay',
  reason: '需会同区文旅局联合现场核查',
  status: 'requested',
  approverRole: 'manager',
  requestedBy: 'huangpu.market',
  requestedAt: '2026-12-24T01:00:00.000Z',
};

function renderStatus(extension: TaskExtension, locale: Locale = 'zh-CN') {
  render(
    <LocaleProvider initial={locale}>
      <ExtensionStatus extension={extension} />
    </LocaleProvider>,
  );
  return screen.getByTestId('extension-status');
}

describe('ExtensionStatus', () => {
  it('should show a request awaiting the approver role, with the reason and who asked', () => {
    const status = renderStatus(requested);
    expect(status.getAttribute('data-extension-status')).toBe('requested');
    expect(status.textContent).toContain('已申请延期 3 个工作日，等待管理人员审批');
    expect(status.textContent).toContain('理由：需会同区文旅局联合现场核查 · huangpu.market 申请于 2026/12/24 09:00');
  });

  it('should show an approval with the deadline it moved from and to, in Shanghai time', () => {
    const status = renderStatus({
      ...requested,
      status: 'approved',
      approvedBy: 'huangpu.manager',
      approvedAt: '2026-12-24T02:00:00.000Z',
      previousDueAt: '2026-12-31T09:00:00.000Z',
      dueAt: '2027-01-05T09:00:00.000Z',
    });
    expect(status.textContent).toContain('延期 3 个工作日已批准：法定时限由 2026/12/31 17:00 顺延至 2027/01/05 17:00');
    expect(status.textContent).toContain('huangpu.manager 批准于 2026/12/24 10:00');
  });

  it('should show a refusal with the approver’s reason, in English too', () => {
    const status = renderStatus(
      { ...requested, status: 'refused', refusedBy: 'huangpu.manager', refusedAt: '2026-12-24T02:00:00.000Z', refusalReason: 'Can be done in time' },
      'en-US',
    );
    expect(status.textContent).toContain('The extension of 3 working days was refused; the statutory limit stays');
    expect(status.textContent).toContain('Refused because: Can be done in time · refused by huangpu.manager on 12/24/2026, 10:00');
  });
});
