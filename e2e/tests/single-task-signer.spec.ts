import { documentScreen } from '../support/doc-screenshots.ts';
import { huangpuClerks, restaurantCaseAtSplit } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { cancelOperation, confirmOperation, openOperation, pickInDialog } from '../support/task-operations.ts';
import { expect, test } from '../support/test.ts';
import { claimFromInbox, decideAndConfirm, fillTaskForm } from '../support/workbench.ts';

/** Display names of the demo clerks (runtime/seed/organisation.json). */
const names = {
  market: '黄浦区市场监管局审查员',
  health: '黄浦区卫生健康委审查员',
} as const;

const reason = '涉及冷食制售，请卫生健康委先行核查从业人员健康证明';

test.describe('an added signer on a single task (加签)', () => {
  test('an add-signer-before that the signer approves: the task comes back to its clerk, who completes it', async ({ api, openConsoleAs }) => {
    test.slow();
    const filed = await restaurantCaseAtSplit(api);
    const food = await api.openTask(huangpuClerks.market, filed.id, 'food-review');
    const market = await openConsoleAs(huangpuClerks.market);

    await step('the market clerk claims the food review and adds the health commission’s clerk before himself, with a reason', market, async () => {
      await claimFromInbox(market, food.id);
      const fill = async () => {
        await openOperation(market, 'addSigners');
        await market.getByTestId('operation-position').locator('label').filter({ has: market.locator('input[value="before"]') }).click();
        await pickInDialog(market, 'operation-signer', names.health);
      };
      await documentScreen(
        market,
        'add-signer-before',
        async () => {
          await fill();
          await market.getByTestId('operation-reason').fill(reason);
        },
        () => cancelOperation(market, 'addSigners'),
      );
      await fill();
      await confirmOperation(market, 'addSigners', reason);
      await expect(market.getByTestId('signing-notice')).toContainText(names.health);
      await expect(market.getByTestId('outcome-bar')).toHaveCount(0);
      await expect(market.getByTestId('handler-chain')).toContainText(reason);
      // The message saying it was added would stay in the picture of the other language.
      await expect(market.locator('.ant-message-notice')).toHaveCount(0);
      await documentScreen(market, 'signer-waiting');
    });

    const signerTask = await api.openTask('huangpu.health', filed.id, 'food-review');
    expect(signerTask.id).not.toBe(food.id);
    const health = await openConsoleAs('huangpu.health');
    await step('the signer finds the task in the inbox, reads why, and approves it with an opinion', health, async () => {
      await health.getByTestId('inbox-search').locator('input').fill(filed.caseNumber);
      await health.getByTestId('inbox-search').locator('input').press('Enter');
      await expect(health.getByTestId(`inbox-row-${signerTask.id}`)).toBeVisible();
      await health.getByTestId(`open-${signerTask.id}`).click();
      // The case view's code loads on first use: on a loaded machine that can take a while.
      await expect(health.getByTestId('signing-notice')).toContainText(names.market, { timeout: 60_000 });
      await expect(health.getByTestId('signing-notice')).toContainText(reason);
      await expect(health.getByTestId('outcome-bar').getByRole('button')).toHaveCount(1);
      await health.getByTestId('task-comment').fill('从业人员健康证明齐全，同意');
      await documentScreen(health, 'signer-approve');
      await decideAndConfirm(health, 'approve');
    });

    await step('the task is back with the market clerk, who completes it', market, async () => {
      await market.reload();
      // A reload fetches the console's code again: on a loaded machine that can take a while.
      await expect(market.getByTestId('outcome-bar')).toBeVisible({ timeout: 60_000 });
      await expect(market.getByTestId('signing-notice')).toHaveCount(0);
      await expect(market.getByTestId('handler-chain')).toContainText(names.health);
      await fillTaskForm(market, { foodReviewOpinion: '卫生健康委核查无异议，申请材料齐全，安排现场核查' });
      await decideAndConfirm(market, 'approve');
    });

    const after = await api.caseDetail(huangpuClerks.market, filed.id);
    expect(after.tasks.find((task) => task.id === signerTask.id)).toMatchObject({ status: 'completed', outcome: 'approve', assigneeId: 'huangpu.health', slaState: 'met' });
    expect(after.tasks.find((task) => task.id === food.id)).toMatchObject({ status: 'completed', outcome: 'approve', assigneeId: huangpuClerks.market });
    expect(after.tasks.some((task) => task.nodeId === 'food-inspection' && task.status === 'open')).toBe(true);
  });
});
