import { huangpuClerks, restaurantCaseAtSplit } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';

test.describe('消息', () => {
  test('an urge reaches the handler’s 消息: the bell counts it, the page shows it, marking it read clears the count', async ({ api, openConsoleAs }) => {
    test.slow();
    const filed = await restaurantCaseAtSplit(api);
    const review = await api.openTask(huangpuClerks.market, filed.id, 'food-review');
    await api.call('POST', '/me/notifications/read-all', { as: { user: huangpuClerks.market } });
    const page = await openConsoleAs(huangpuClerks.market);
    const bell = page.getByTestId('notification-count');
    const message = '申请人来电催问食品经营许可审查进度';

    await step('the food-review clerk has nothing unread', page, async () => {
      await expect(page.getByTestId('notification-bell')).toBeVisible();
      await expect(bell.locator('.ant-badge-count')).toHaveCount(0);
    });

    await step('the service-hall clerk who accepted the case urges it, and the bell counts one unread', page, async () => {
      await api.call('POST', `/cases/${filed.id}/urge`, { as: { user: huangpuClerks.intake }, body: { message } });
      await page.reload();
      await expect(bell.locator('.ant-badge-count')).toHaveText('1');
    });

    const row = page.locator('[data-testid^="message-"][data-read]').filter({ hasText: message });
    await step('the bell opens 消息 with the urge, unread, linked to its case', page, async () => {
      await page.getByTestId('notification-bell').click();
      await expect(page).toHaveURL(/\/messages$/);
      await expect(row).toHaveAttribute('data-read', 'false');
      await expect(row.getByTestId('message-kind')).toHaveText('催办');
      await expect(row.getByTestId('message-case')).toHaveAttribute('href', `/cases/${filed.id}`);
      await expect(row).toContainText(review.name);
    });

    await step('in English the page and its labels follow', page, async () => {
      await page.getByTestId('language-switch').getByText('EN').click();
      await expect(row.getByTestId('message-kind')).toHaveText('Urge');
      await expect(page.getByTestId('messages-read-all')).toHaveText('Mark all read');
    });

    await step('marking it read clears the bell', page, async () => {
      await page.getByTestId('language-switch').getByText('中文').click();
      await row.getByTestId('message-mark-read').click();
      await expect(row).toHaveAttribute('data-read', 'true');
      await expect(bell.locator('.ant-badge-count')).toHaveCount(0);
    });

    const after = await api.call<{ unread: number; items: { message: string; read: boolean }[] }>('GET', '/me/notifications', { as: { user: huangpuClerks.market } });
    expect(after.body.unread).toBe(0);
    expect(after.body.items.find((n) => n.message === message)?.read).toBe(true);
  });
});
