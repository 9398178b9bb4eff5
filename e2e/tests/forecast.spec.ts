import { pickOption } from '../support/design-canvas.ts';
import { restaurantCaseAtSplit } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';

const manager = 'huangpu.manager';
const market = 'sh-huangpu-market-regulation';

test.describe('forecast', () => {
  test('the manager runs a forecast in the monitor’s 预测 tab and compares a what-if that takes clerks away from the market bureau', async ({ api, openConsoleAs }) => {
    test.slow();
    const filed = await restaurantCaseAtSplit(api);
    const page = await openConsoleAs(manager);

    await step('the manager opens the 预测 tab and runs the forecast', page, async () => {
      await expect(page).toHaveURL(/\/monitor$/);
      await page.getByTestId('forecast-tab').click();
      await expect(page.getByTestId('forecast-panel')).toBeVisible();
      await page.getByTestId('forecast-run').click();
      await expect(page.getByTestId('forecast-departments')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('forecast-basis')).toContainText('200 次推演');
      await expect(page.getByTestId(`forecast-expected-${market}`)).toBeVisible();
    });

    await step('the tasks most likely to breach link to their cases, the new case’s among them', page, async () => {
      const tasks = page.getByTestId('forecast-tasks');
      await expect(tasks.getByTestId(/^forecast-task-/).first()).toBeVisible();
      const detail = await api.call<{ tasks: { id: string; status: string }[] }>('GET', `/cases/${filed.id}`, { as: { user: manager } });
      expect(detail.body.tasks.some((task) => task.status === 'open')).toBe(true);
    });

    await step('a what-if with every market clerk gone and the service hall closed on day 1 is run beside it', page, async () => {
      await page.getByTestId('what-if-add-clerks').click();
      await pickOption(page, page.getByTestId('what-if-clerks-department-0'), '黄浦区市场监督管理局');
      await page.getByTestId('what-if-clerks-delta-0').fill('-20');
      await page.getByTestId('what-if-add-closure').click();
      await pickOption(page, page.getByTestId('what-if-closure-department-0'), '黄浦区政务服务中心');
      await page.getByTestId('forecast-compare').click();
      await expect(page.getByTestId('forecast-what-if-expected')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId(`forecast-what-if-${market}`)).toBeVisible();
      const base = Number(await page.getByTestId(`forecast-expected-${market}`).innerText());
      const changed = Number(await page.getByTestId(`forecast-what-if-${market}`).innerText());
      expect(changed).toBeGreaterThanOrEqual(base);
    });
  });
});
