import { fileRestaurantCase, huangpuClerks } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';
import type { TaskRecord } from '../support/tongban-client.ts';

const manager = 'huangpu.manager';

test.describe('time limits', () => {
  test('once the virtual clock passes the statutory limit the manager finds the task overdue in the list and on the heatmap', async ({ api, openConsoleAs }) => {
    const filed = await fileRestaurantCase(api);
    const intake = await api.openTask(huangpuClerks.intake, filed.id, 'intake');
    expect(intake.dueAt).not.toBeNull();

    await test.step('the clock moves six working days, past the five-day limit of intake', async () => {
      const result = await api.advanceClock(6, 'workingDay');
      expect(new Date(result.now).getTime()).toBeGreaterThan(new Date(intake.dueAt ?? 0).getTime());
      expect(result.fired).toContainEqual(expect.objectContaining({ kind: 'taskBreach', taskId: intake.id }));
    });
    const overdue = await api.call<{ items: TaskRecord[]; total: number }>('GET', '/monitor/overdue?limit=200', { as: { user: manager } });
    expect(overdue.body.items.map((task) => task.id)).toContain(intake.id);
    const overdueIntakes = overdue.body.items.filter((task) => task.nodeId === 'intake').length;

    const clerk = await openConsoleAs(huangpuClerks.intake);
    await step('the intake clerk sees the task marked overdue', clerk, async () => {
      await expect(clerk.getByTestId(`inbox-row-${intake.id}`)).toHaveAttribute('data-sla-state', 'overdue');
    });

    const page = await openConsoleAs(manager);
    await step('the manager finds the task in the overdue list', page, async () => {
      await expect(page).toHaveURL(/\/monitor$/);
      await expect(page.getByTestId('kpi-overdue')).toHaveText(new RegExp(`(?<!\\d)${overdue.body.total}$`));
      // Most overdue first: the task just breached is on the list's last page when earlier flows left others overdue.
      const list = page.getByTestId('overdue-list');
      const row = list.getByTestId(`monitor-task-${intake.id}`);
      const first = list.getByTestId(/^monitor-task-/).first();
      await expect(first).toBeVisible();
      const next = page.getByRole('tabpanel').locator('.ant-pagination-next');
      while ((await row.count()) === 0 && (await next.count()) > 0 && (await next.getAttribute('aria-disabled')) !== 'true') {
        const shown = (await first.getAttribute('data-testid')) ?? '';
        await next.click();
        await expect(first).not.toHaveAttribute('data-testid', shown);
      }
      await expect(row).toBeVisible();
    });

    await step('the heatmap shows the overdue intake tasks on the intake node', page, async () => {
      const heatmap = page.getByTestId('heatmap');
      await heatmap.scrollIntoViewIfNeeded();
      await expect(heatmap.getByTestId('heat-intake')).toContainText(new RegExp(`超期 ${overdueIntakes}(?!\\d)`));
    });

    await step('the heatmap’s intake node opens the lists of its tasks: case, applicant, assignee and how long overdue', page, async () => {
      await page.getByTestId('heatmap').getByTestId('heat-intake').click();
      const list = page.getByTestId('overdue-list');
      await expect(list.getByTestId(/^monitor-task-/)).toHaveCount(Math.min(overdueIntakes, 10));
      await expect(list.getByTestId(`monitor-case-${intake.id}`)).toHaveAttribute('href', `/cases/${filed.id}`);
      await expect(list.getByTestId(`monitor-assignee-${intake.id}`)).toHaveText('未认领');
      await expect(list.getByTestId(`monitor-overdue-by-${intake.id}`)).toHaveText(/^(\d+ 个工作日)?( ?\d+ 小时)?$/);
    });

    await step('in English the list and its figures follow', page, async () => {
      await page.getByTestId('language-switch').getByText('EN').click();
      const list = page.getByTestId('overdue-list');
      await expect(list).toContainText('Overdue by');
      await expect(list.getByTestId(`monitor-overdue-by-${intake.id}`)).toHaveText(/^(\d+ working days?)?( ?\d+ h)?$/);
    });

    await step('the overdue link opens the case at the late task', page, async () => {
      await page.getByTestId('language-switch').getByText('中文').click();
      await page.getByTestId(`monitor-task-${intake.id}`).click();
      await expect(page).toHaveURL(new RegExp(`/cases/${filed.id}\\?task=${intake.id}`));
      await expect(page.getByTestId('case-timeline').getByTestId('timeline-task.overdue')).toBeVisible();
    });
  });
});
