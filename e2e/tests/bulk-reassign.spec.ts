import { documentScreen } from '../support/doc-screenshots.ts';
import { pickOption } from '../support/design-canvas.ts';
import { huangpuClerks, restaurantCaseAtSplit } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';

test.describe('bulk reassignment', () => {
  test('a manager reassigns two food reviews to another clerk with a reason, and sees one refused because it was completed meanwhile', async ({ api, openConsoleAs }) => {
    test.slow();
    const first = await restaurantCaseAtSplit(api);
    const second = await restaurantCaseAtSplit(api);
    const firstReview = await api.openTask(huangpuClerks.market, first.id, 'food-review');
    const secondReview = await api.openTask(huangpuClerks.market, second.id, 'food-review');
    const manager = await openConsoleAs('huangpu.manager');
    const dialog = manager.getByTestId('reassign-dialog');

    await step('the manager opens task assignment and selects the two food reviews by case number', manager, async () => {
      await manager.goto('/monitor/tasks');
      await expect(manager.getByTestId('managed-tasks-page')).toBeVisible();
      for (const [filed, review] of [
        [first, firstReview],
        [second, secondReview],
      ] as const) {
        await manager.getByTestId('managed-search').locator('input').fill(filed.caseNumber);
        await manager.getByTestId('managed-search').locator('input').press('Enter');
        await manager.getByTestId(`managed-row-${review.id}`).locator('input[type="checkbox"]').check();
      }
      await expect(manager.getByTestId('bulk-reassign')).toContainText('2');
      await documentScreen(manager, 'task-assignment');
    });

    await step('the manager picks the fire brigade’s clerk and a reason', manager, async () => {
      await manager.getByTestId('bulk-reassign').click();
      await expect(dialog.getByTestId('reassign-reason')).toBeVisible();
      await pickOption(manager, manager.getByTestId('reassign-department'), '黄浦区消防救援支队');
      await pickOption(manager, manager.getByTestId('reassign-user'), '黄浦区消防救援支队审查员');
      await manager.getByTestId('reassign-reason').fill('市场监管局审查员外出培训，食品审查临时交由联合审查员办理');
    });

    await api.decide(huangpuClerks.market, second.id, 'food-review', { outcome: 'approve', data: { foodReviewOpinion: '申请材料齐全' } });

    await step('each task shows its own result: one reassigned, one refused as no longer open', manager, async () => {
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await expect(manager.getByTestId(`reassign-ok-${firstReview.id}`)).toBeVisible();
      await expect(manager.getByTestId(`reassign-failed-${secondReview.id}`)).toContainText('已不在待办状态');
      await documentScreen(manager, 'task-assignment-result');
    });

    await step('the manager opens the incidents screen and filters it by kind', manager, async () => {
      await manager.getByTestId('reassign-dialog').getByRole('button', { name: /取\s*消/ }).click();
      await expect(manager.getByTestId('reassign-results')).toHaveCount(0);
      await manager.goto('/monitor/incidents');
      await expect(manager.getByTestId('incidents-table')).toBeVisible();
      await manager.getByTestId('incident-kind').getByText('服务调用').click();
      await expect(manager.getByTestId('incidents-table')).toBeVisible();
      await documentScreen(manager, 'incidents');
    });

    const after = await api.caseDetail('huangpu.manager', first.id);
    expect(after.tasks.find((task) => task.id === firstReview.id)).toMatchObject({
      assigneeId: huangpuClerks.fire,
      departmentId: 'sh-huangpu-fire-rescue',
      handoffs: [expect.objectContaining({ kind: 'reassign', by: 'huangpu.manager' })],
    });
  });
});
