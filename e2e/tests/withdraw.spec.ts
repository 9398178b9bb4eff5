import { documentScreen } from '../support/doc-screenshots.ts';
import { huangpuClerks, restaurantCaseAtSplit } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';
import { claimFromInbox, decideAndConfirm, fillTaskForm } from '../support/workbench.ts';

test.describe('withdrawing a completion (撤回)', () => {
  test('a clerk takes a just-finished task back from 已办: the next step closes and the task is his again', async ({ api, openConsoleAs }) => {
    test.slow();
    const filed = await restaurantCaseAtSplit(api);
    const food = await api.openTask(huangpuClerks.market, filed.id, 'food-review');
    const market = await openConsoleAs(huangpuClerks.market);

    await step('the market clerk completes the food review', market, async () => {
      await claimFromInbox(market, food.id);
      await fillTaskForm(market, { foodReviewOpinion: '申请材料齐全，安排现场核查' });
      await decideAndConfirm(market, 'approve');
    });
    const inspection = await api.openTask(huangpuClerks.market, filed.id, 'food-inspection');

    await step('he finds it under 已办, withdraws it, and it is back in his inbox', market, async () => {
      await market.getByTestId('nav-tasks').click();
      await market.getByTestId('inbox-scope').getByText('已办', { exact: true }).click();
      const withdraw = market.getByTestId(`done-withdraw-${food.id}`);
      await expect(withdraw).toBeVisible();
      await documentScreen(
        market,
        'withdraw',
        async () => {
          await withdraw.click();
          // Shown once its opening animation is over (it starts transparent).
          await expect(market.locator('.ant-popconfirm:visible')).toHaveCSS('opacity', '1');
        },
        async () => {
          await market.locator('.ant-popconfirm:visible').getByRole('button', { name: /取\s*消|Cancel/ }).click();
          await expect(market.locator('.ant-popconfirm:visible')).toHaveCount(0);
        },
      );
      await withdraw.click();
      await market.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect(market.locator('.ant-message')).toContainText('已撤回');
      await expect(withdraw).toHaveCount(0);
      await market.getByTestId('inbox-scope').getByText('待处理', { exact: true }).click();
      await market.getByTestId('inbox-search').locator('input').fill(filed.caseNumber);
      await market.getByTestId('inbox-search').locator('input').press('Enter');
      const row = market.locator('[data-testid^="inbox-row-"]').filter({ hasText: '食品经营许可审查' });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('我已认领');
      await expect(market.locator('[data-testid^="inbox-row-"]').filter({ hasText: '现场核查' })).toHaveCount(0);
    });

    const after = await api.caseDetail(huangpuClerks.market, filed.id);
    expect(after.tasks.find((task) => task.id === inspection.id)).toMatchObject({ status: 'closed', closeReason: 'withdrawn', slaState: 'cancelled' });
    const reopened = after.tasks.filter((task) => task.nodeId === 'food-review' && task.status === 'claimed');
    expect(reopened).toEqual([expect.objectContaining({ assigneeId: huangpuClerks.market })]);
    expect(after.timeline.some((event) => event.type === 'task.withdrawn' && event.taskId === food.id)).toBe(true);
  });
});
