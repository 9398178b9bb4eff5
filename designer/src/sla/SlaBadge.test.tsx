import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locale.ts';
import { SlaBadge, type SlaBadgeProps } from './SlaBadge.tsx';

function renderBadge(props: SlaBadgeProps, locale: Locale = 'zh-CN') {
  render(
    <LocaleProvider initial={locale}>
      <SlaBadge {...props} />
    </LocaleProvider>,
  );
  return screen.getByTestId('sla-badge');
}

describe('SlaBadge', () => {
  it('should show an on-track task in green with its working days left', () => {
    const badge = renderBadge({ state: 'onTrack', left: { days: 3, working: true } });
    expect(badge.textContent).toBe('正常 · 剩 3 个工作日');
    expect(badge.className).toContain('success');
    expect(badge.getAttribute('data-sla-state')).toBe('onTrack');
  });

  it('should show an at-risk task in amber, with less than a day left as under one day', () => {
    expect(renderBadge({ state: 'atRisk', left: { days: 0, working: true } }).textContent).toBe('临期 · 不足 1 个工作日');
    expect(screen.getByTestId('sla-badge').className).toContain('warning');
  });

  it('should show an overdue task in red as past its statutory limit, whatever time is reported left', () => {
    const badge = renderBadge({ state: 'overdue', left: { days: 0, working: true } });
    expect(badge.textContent).toBe('逾期 · 已超过法定时限');
    expect(badge.className).toContain('error');
  });

  it('should say how far past its limit an overdue task is, when known', () => {
    expect(renderBadge({ state: 'overdue', overdue: { days: 2, working: true } }).textContent).toBe('逾期 · 超期 2 个工作日');
  });

  it('should count calendar days for limits counted in elapsed time', () => {
    expect(renderBadge({ state: 'onTrack', left: { days: 2, working: false } }).textContent).toBe('正常 · 剩 2 个自然日');
  });

  it('should show how a closed task ended without time left', () => {
    expect(renderBadge({ state: 'met', left: { days: 4, working: true } }).textContent).toBe('按期办结');
  });

  it('should mark a paused clock and a provisional due date', () => {
    const badge = renderBadge({ state: 'onTrack', left: { days: 2, working: true }, suspended: true, provisional: true });
    expect(badge.textContent).toBe('正常 · 剩 2 个工作日 · 暂停计时*');
    expect(badge.className).toContain('default');
  });

  it('should speak English when asked, with singular and plural days', () => {
    expect(renderBadge({ state: 'atRisk', left: { days: 1, working: true } }, 'en-US').textContent).toBe('At risk · 1 working day left');
  });

  it('should name both limits in Shanghai time on hover', async () => {
    const user = userEvent.setup();
    const badge = renderBadge({
      state: 'onTrack',
      left: { days: 5, working: true },
      atRiskAt: '2026-03-03T09:00:00.000Z',
      dueAt: '2026-03-09T09:00:00.000Z',
    });
    await user.hover(badge);
    expect(await screen.findByText('承诺时限：2026/03/03 17:00')).toBeTruthy();
    expect(screen.getByText('法定时限：2026/03/09 17:00')).toBeTruthy();
  });
});
