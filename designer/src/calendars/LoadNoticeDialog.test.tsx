import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import type { RecountSummary } from '../api/api.types.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { LoadNoticeDialog } from './LoadNoticeDialog.tsx';

const notice = {
  year: 2027,
  source: { title: 'Hypothetical 2027 notice (test data)', documentNumber: 'TEST-2027', issued: '2026-11-01', url: 'https://example.org/test-2027' },
  holidays: [{ name: '元旦', daysOff: { from: '2027-01-01', to: '2027-01-01' }, makeUpWorkdays: [] }],
};

function renderDialog(props: { error?: unknown; result?: { year: number; recount: RecountSummary } | null } = {}) {
  const onSubmit = vi.fn();
  const onClose = vi.fn();
  render(
    <LocaleProvider initial="zh-CN">
      <LoadNoticeDialog
        open
        calendarName="中国大陆"
        submitting={false}
        error={props.error ?? null}
        result={props.result ?? null}
        onSubmit={onSubmit}
        onClose={onClose}
      />
    </LocaleProvider>,
  );
  return { onSubmit, onClose };
}

const dialog = () => within(screen.getByRole('dialog'));
const submitButton = () => dialog().getByRole('button', { name: /载入并重算/ });

async function paste(text: string) {
  const user = userEvent.setup();
  await user.click(screen.getByTestId('notice-text'));
  await user.paste(text);
  return user;
}

describe('LoadNoticeDialog', () => {
  it('should ask for the notice and its year before loading', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderDialog();
    await user.click(submitButton());
    expect(await screen.findByText('请粘贴通知内容或选择文件')).toBeTruthy();
    expect(screen.getByText('请填写通知的年度')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('should refuse text that is not JSON, saying so', async () => {
    const { onSubmit } = renderDialog();
    const user = await paste('{"year": 2027,');
    await user.click(submitButton());
    expect(await screen.findByText(/^不是有效的 JSON：/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('should take the year from the notice, show its source and send it as pasted', async () => {
    const { onSubmit } = renderDialog();
    const user = await paste(JSON.stringify(notice, null, 2));
    expect((screen.getByTestId('notice-year') as HTMLInputElement).value).toBe('2027');
    expect(screen.getByTestId('notice-preview').textContent).toBe('《Hypothetical 2027 notice (test data)》 TEST-2027 · 发布于 2026-11-01 · 1 个节假日');
    await user.click(submitButton());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ year: 2027, notice }));
  });

  it('should name each field of the notice the API refused', () => {
    renderDialog({
      error: new ApiError(400, 'invalid-calendar', 'holidays[0].makeUpWorkdays[0]: 2027-01-04 is a Monday, not a weekend day', {
        field: 'holidays[0].makeUpWorkdays[0]',
        reason: '2027-01-04 is a Monday, not a weekend day',
        issues: [{ field: 'holidays[0].makeUpWorkdays[0]', message: '2027-01-04 is a Monday, not a weekend day' }],
      }),
    });
    const problems = screen.getAllByTestId('notice-problem');
    expect(problems.map((problem) => problem.textContent)).toEqual(['holidays[0].makeUpWorkdays[0] 2027-01-04 is a Monday, not a weekend day']);
    expect(screen.getByTestId('notice-error').textContent).toContain('通知未载入');
  });

  it('should show what the recount changed once loaded, and close', async () => {
    const user = userEvent.setup();
    const { onClose } = renderDialog({ result: { year: 2027, recount: { cases: 3, changedCases: 2, timers: 4 } } });
    expect(screen.getByTestId('notice-loaded').textContent).toContain('已载入 2027 年节假日通知');
    expect(screen.getByTestId('notice-loaded').textContent).toContain('在办办件 3 件已重新计算时限：2 件的时限有变化，涉及 4 个计时器。');
    await user.click(dialog().getByRole('button', { name: /完\s?成/ }));
    expect(onClose).toHaveBeenCalled();
  });
});
