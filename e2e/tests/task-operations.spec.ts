import { documentScreen } from '../support/doc-screenshots.ts';
import { huangpuClerks, restaurantCaseAtSplit } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { cancelOperation, confirmOperation, openOperation, pickInDialog } from '../support/task-operations.ts';
import { expect, test } from '../support/test.ts';
import { claimFromInbox, decideAndConfirm, fillTaskForm } from '../support/workbench.ts';

/** Display names of the demo clerks (runtime/seed/organisation.json). */
const names = {
  market: '黄浦区市场监管局审查员',
  fire: '黄浦区消防救援支队审查员',
  health: '黄浦区卫生健康委审查员',
} as const;

test.describe('task operations', () => {
  test('a market clerk transfers the food review to the fire brigade’s clerk, who completes it', async ({ api, openConsoleAs }) => {
    test.slow();
    const filed = await restaurantCaseAtSplit(api);
    const food = await api.openTask(huangpuClerks.market, filed.id, 'food-review');
    const market = await openConsoleAs(huangpuClerks.market);
    const reason = '本件食品安全审查由消防支队联合审查员代为办理';

    await step('the market clerk claims the food review and transfers it to another department’s clerk', market, async () => {
      await claimFromInbox(market, food.id);
      await documentScreen(market, 'task-operations');
      await documentScreen(
        market,
        'task-transfer',
        async () => {
          await openOperation(market, 'transfer');
          await pickInDialog(market, 'operation-department', '黄浦区消防救援支队');
          await pickInDialog(market, 'operation-user', names.fire);
          await market.getByTestId('operation-reason').fill(reason);
        },
        () => cancelOperation(market, 'transfer'),
      );
      await openOperation(market, 'transfer');
      await pickInDialog(market, 'operation-department', '黄浦区消防救援支队');
      await pickInDialog(market, 'operation-user', names.fire);
      await confirmOperation(market, 'transfer', reason);
      await expect(market.getByTestId('workbench-assignee')).toHaveText(names.fire);
      await expect(market.getByTestId('handler-chain')).toContainText(reason);
      await expect(market.getByTestId('case-timeline')).toContainText(`→ ${names.fire}`);
    });

    const fire = await openConsoleAs(huangpuClerks.fire);
    await step('the fire brigade’s clerk finds it in the inbox by the applicant’s name and completes it', fire, async () => {
      await fire.getByTestId('inbox-search-field').click();
      await fire.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '申请人' }).click();
      await fire.getByTestId('inbox-search').locator('input').fill('林晓燕');
      await fire.getByTestId('inbox-search').locator('input').press('Enter');
      await expect(fire.getByTestId(`inbox-row-${food.id}`)).toBeVisible();
      await fire.getByTestId(`open-${food.id}`).click();
      await expect(fire.getByTestId('outcome-bar')).toBeVisible();
      await expect(fire.getByTestId('handler-chain')).toContainText(names.market);
      await fillTaskForm(fire, { foodReviewOpinion: '经联合审查，材料齐全，安排现场核查' });
      await decideAndConfirm(fire, 'approve');
    });

    const after = await api.caseDetail(huangpuClerks.fire, filed.id);
    expect(after.tasks.find((task) => task.id === food.id)).toMatchObject({ status: 'completed', outcome: 'approve', assigneeId: huangpuClerks.fire, departmentId: 'sh-huangpu-fire-rescue' });
  });

  test('a clerk delegates the food review, the delegatee can only give it back with an opinion, and the owner completes it', async ({ api, openConsoleAs }) => {
    test.slow();
    const filed = await restaurantCaseAtSplit(api);
    const food = await api.openTask(huangpuClerks.market, filed.id, 'food-review');
    const market = await openConsoleAs(huangpuClerks.market);
    const opinion = '经核查，餐厅平面布局符合消防安全要求';

    await step('the market clerk delegates the food review to the fire brigade’s clerk', market, async () => {
      await claimFromInbox(market, food.id);
      await openOperation(market, 'delegate');
      await pickInDialog(market, 'operation-user', names.fire);
      await confirmOperation(market, 'delegate', '请消防支队就平面布局出具意见');
      await expect(market.getByTestId('delegation-notice')).toContainText(names.fire);
      await expect(market.getByTestId('outcome-bar')).toHaveCount(0);
    });

    const fire = await openConsoleAs(huangpuClerks.fire);
    await step('the delegatee sees only 归还, and gives it back with an opinion', fire, async () => {
      await expect(fire.getByTestId(`inbox-row-${food.id}`)).toBeVisible();
      await fire.getByTestId(`open-${food.id}`).click();
      await expect(fire.getByTestId('delegation-notice')).toContainText(names.market);
      await expect(fire.getByTestId('task-operations').getByRole('button')).toHaveCount(1);
      await expect(fire.getByTestId('operation-resolve')).toBeVisible();
      await expect(fire.getByTestId('outcome-bar')).toHaveCount(0);
      await documentScreen(fire, 'task-delegated');
      await openOperation(fire, 'resolve');
      await confirmOperation(fire, 'resolve', opinion);
      await expect(fire.getByTestId('operation-resolve')).toHaveCount(0);
    });

    await step('the owner sees the opinion and completes the task', market, async () => {
      await market.reload();
      // A reload fetches the console's code again: on a loaded machine that can take a while.
      await expect(market.getByTestId('task-comments')).toContainText(opinion, { timeout: 60_000 });
      await expect(market.getByTestId('outcome-bar')).toBeVisible();
      await fillTaskForm(market, { foodReviewOpinion: '采纳消防意见，申请材料齐全' });
      await decideAndConfirm(market, 'approve');
    });

    const after = await api.caseDetail(huangpuClerks.market, filed.id);
    const task = after.tasks.find((candidate) => candidate.id === food.id);
    expect(task).toMatchObject({ status: 'completed', assigneeId: huangpuClerks.market });
  });

  test('a clerk copies the case to a colleague of another department, who finds it unread under 抄送我的 and reads it', async ({ api, openConsoleAs }) => {
    test.slow();
    const filed = await restaurantCaseAtSplit(api);
    const food = await api.openTask(huangpuClerks.market, filed.id, 'food-review');
    const market = await openConsoleAs(huangpuClerks.market);

    await step('the market clerk copies the case to the health commission’s clerk', market, async () => {
      await claimFromInbox(market, food.id);
      await openOperation(market, 'copy');
      await pickInDialog(market, 'operation-targets', names.health);
      await confirmOperation(market, 'copy', '涉及餐饮卫生，请知悉');
      await expect(market.getByTestId('case-timeline')).toContainText(names.health);
    });

    const health = await openConsoleAs('huangpu.health');
    await step('the health clerk finds it unread under 抄送我的, opens it, and it is read', health, async () => {
      await health.getByTestId('inbox-scope').getByText('抄送我的').click();
      const row = health.getByTestId(`copy-row-${filed.id}`);
      await expect(row).toHaveAttribute('data-read', 'false');
      await expect(row).toContainText(names.market);
      await documentScreen(health, 'copies');
      await row.locator('a').first().click();
      await expect(health.getByTestId('task-workbench')).toBeVisible();
      await expect(health.getByTestId('case-page')).toContainText('林晓燕');
      await health.goBack();
      await health.getByTestId('inbox-scope').getByText('抄送我的').click();
      await expect(health.getByTestId(`copy-row-${filed.id}`)).toHaveAttribute('data-read', 'true');
    });
  });
});
