import { huangpuClerks, restaurantCaseAtInspection } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';
import { claimFromInbox } from '../support/workbench.ts';

test.describe('returns', () => {
  test('a clerk returns the on-site inspection with a reason and the case reappears at the food review', async ({ api, openConsoleAs }) => {
    const filed = await restaurantCaseAtInspection(api);
    const before = await api.caseDetail(huangpuClerks.market, filed.id);
    const firstReview = before.tasks.find((task) => task.nodeId === 'food-review');
    const inspection = await api.openTask(huangpuClerks.market, filed.id, 'food-inspection');
    const reason = '现场布局与申请材料中的平面图不一致，请重新审查';
    const page = await openConsoleAs(huangpuClerks.market);
    const dialog = page.getByTestId('return-dialog');

    await step('the inspector claims the on-site inspection', page, async () => {
      await claimFromInbox(page, inspection.id);
    });

    await step('the return dialog offers the food review and asks for a reason', page, async () => {
      await page.getByTestId('outcome-return').click();
      await expect(dialog.getByTestId('return-reason')).toBeVisible();
      await expect(dialog).toContainText('食品经营许可审查');
      await page.getByTestId('return-reason').fill(reason);
    });

    await step('the return closes the inspection and records the reason on the timeline', page, async () => {
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await expect(page.getByTestId('return-reason')).toHaveCount(0);
      await expect(page.getByTestId('task-workbench')).toHaveAttribute('data-task-status', 'completed');
      await expect(page.getByTestId('case-timeline')).toContainText(reason);
    });

    const review = await api.openTask(huangpuClerks.market, filed.id, 'food-review');
    await step('the food review is back in the inbox as a new task', page, async () => {
      expect(review.id).not.toBe(firstReview?.id);
      await page.getByTestId('nav-tasks').click();
      await expect(page.getByTestId(`inbox-row-${review.id}`)).toBeVisible();
      await expect(page.getByTestId(`inbox-row-${inspection.id}`)).toHaveCount(0);
    });

    const after = await api.caseDetail(huangpuClerks.market, filed.id);
    const returned = after.tasks.find((task) => task.id === inspection.id);
    expect(returned).toMatchObject({ status: 'completed', outcome: 'return', comment: reason });
    expect(after.activeNodes).toContain('food-review');
    expect(after.activeNodes).not.toContain('food-inspection');
  });
});
