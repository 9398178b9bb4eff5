import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fileRestaurantCase, huangpuClerks, restaurantCaseAtInspection } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';
import type { TaskRecord } from '../support/tongban-client.ts';
import { claimFromInbox } from '../support/workbench.ts';

const manager = 'huangpu.manager';

/** A task with what this flow reads besides the suite's common fields. */
interface ExtendableTask extends TaskRecord {
  provisional: boolean;
  extension: { status: string; amount: number; unit: string; reason: string; refusalReason?: string; previousDueAt?: string; dueAt?: string } | null;
}

/** Made-up 2027 holiday data, labelled as test data in its own source (not the State Council's notice). */
const noticePath = fileURLToPath(new URL('../../runtime/test/execution/fixtures/hypothetical-2027-notice.json', import.meta.url));
const notice = JSON.parse(readFileSync(noticePath, 'utf8')) as { holidays: { makeUpWorkdays: string[] }[] };

/**
 * A Monday morning late in 2026, within working hours: five working days from it end in 2027, a
 * year without a shipped holiday notice. Not on the hour the working day starts, so that the flows
 * after this one that move the clock by working days still pass the deadlines they aim at.
 */
const lateDecember = '2026-12-28T10:30:00+08:00';

/**
 * After the test notice's one holiday (2027-01-01). `POST /clock/advance` counts working days on
 * the shipped cn-mainland calendar, without notices loaded at run time, so the flows after this
 * one move the clock from a day where both counts agree.
 */
const pastTestHoliday = '2027-01-04T10:30:00+08:00';

test.describe('extensions of a statutory limit and business calendars', () => {
  test('a clerk asks for longer on the on-site inspection; the manager refuses one request and approves another, which moves its deadline', async ({ api, openConsoleAs }) => {
    const first = await restaurantCaseAtInspection(api);
    const second = await restaurantCaseAtInspection(api);
    const inspection = (await api.openTask(huangpuClerks.market, first.id, 'food-inspection')) as ExtendableTask;
    const other = (await api.openTask(huangpuClerks.market, second.id, 'food-inspection')) as ExtendableTask;
    const reason = '经营场所位于历史风貌保护区，需会同区文旅局联合现场核查';
    const refusal = '核查可按期完成，请于法定时限内办结';

    await test.step('the clerk has asked for two more working days on the other case through the API', async () => {
      await api.call('POST', `/tasks/${other.id}/claim`, { as: { user: huangpuClerks.market } });
      await api.call('POST', `/tasks/${other.id}/extension`, { as: { user: huangpuClerks.market }, body: { amount: 2, reason: '申请人需补充提交排烟设施检测报告' } });
    });

    const clerk = await openConsoleAs(huangpuClerks.market);
    const dialog = clerk.getByTestId('extension-dialog');
    await step('the inspector claims the on-site inspection, which offers an extension', clerk, async () => {
      await claimFromInbox(clerk, inspection.id);
      await expect(clerk.getByTestId('request-extension')).toBeVisible();
    });

    await step('the extension dialog states the cap and asks for an amount and a reason', clerk, async () => {
      await clerk.getByTestId('request-extension').click();
      await expect(dialog).toContainText('至多 5 个工作日，须经管理人员批准');
      await dialog.getByRole('button', { name: '提交申请' }).click();
      await expect(dialog).toContainText('请填写延长的时间');
      await expect(dialog).toContainText('请填写延期理由');
      await clerk.getByTestId('extension-amount').fill('6');
      await dialog.getByRole('button', { name: '提交申请' }).click();
      await expect(dialog).toContainText('延长时间须在 1 至 5 个工作日之间');
    });

    await step('the clerk asks for three working days and sees the request awaiting approval', clerk, async () => {
      await clerk.getByTestId('extension-amount').fill('3');
      await clerk.getByTestId('extension-reason').fill(reason);
      await dialog.getByRole('button', { name: '提交申请' }).click();
      await expect(clerk.getByTestId('extension-dialog')).toHaveCount(0);
      await expect(clerk.getByTestId('extension-status')).toHaveAttribute('data-extension-status', 'requested');
      await expect(clerk.getByTestId('extension-status')).toContainText(reason);
      await expect(clerk.getByTestId('request-extension')).toHaveCount(0);
    });

    const page = await openConsoleAs(manager);
    await step('the district manager finds both requests awaiting approval', page, async () => {
      await page.getByTestId('kpi-extensions').click();
      await expect(page.getByTestId(`extension-row-${inspection.id}`)).toContainText('3 个工作日');
      await expect(page.getByTestId(`extension-row-${inspection.id}`)).toContainText(reason);
      await expect(page.getByTestId(`extension-row-${other.id}`)).toContainText('2 个工作日');
    });

    await step('the manager refuses the other request with a reason, and it leaves the list', page, async () => {
      await page.getByTestId(`refuse-extension-${other.id}`).click();
      const refusalDialog = page.getByTestId('extension-refusal-dialog');
      await refusalDialog.getByRole('button', { name: /不予批准/ }).click();
      await expect(refusalDialog).toContainText('请填写不予批准的理由');
      await page.getByTestId('extension-refusal-reason').fill(refusal);
      await refusalDialog.getByRole('button', { name: /不予批准/ }).click();
      await expect(page.getByTestId(`extension-row-${other.id}`)).toHaveCount(0);
      await expect(page.getByTestId(`extension-row-${inspection.id}`)).toBeVisible();
    });

    await step('the manager approves the inspection’s request, and the list is empty', page, async () => {
      await page.getByTestId(`approve-extension-${inspection.id}`).click();
      await page.getByRole('dialog').getByRole('button', { name: /批\s*准/ }).click();
      await expect(page.getByTestId(`extension-row-${inspection.id}`)).toHaveCount(0);
      await expect(page.getByTestId('extension-list')).toContainText('没有等待您审批的延期申请');
    });

    const after = await api.caseDetail(huangpuClerks.market, first.id);
    const extended = after.tasks.find((task) => task.id === inspection.id) as ExtendableTask | undefined;
    expect(extended?.extension).toMatchObject({ status: 'approved', amount: 3, unit: 'workingDay', previousDueAt: inspection.dueAt });
    expect(new Date(extended?.dueAt ?? 0).getTime()).toBeGreaterThan(new Date(inspection.dueAt ?? 0).getTime());
    expect(extended?.extension?.dueAt).toBe(extended?.dueAt);
    const refused = (await api.caseDetail(huangpuClerks.market, second.id)).tasks.find((task) => task.id === other.id) as ExtendableTask | undefined;
    expect(refused?.extension).toMatchObject({ status: 'refused', refusalReason: refusal });
    expect(refused?.dueAt).toBe(other.dueAt);

    await step('the clerk sees the extension approved and the deadline moved', clerk, async () => {
      await clerk.reload();
      await expect(clerk.getByTestId('extension-status')).toHaveAttribute('data-extension-status', 'approved');
      await expect(clerk.getByTestId('extension-status')).toContainText('延期 3 个工作日已批准');
      await expect(clerk.getByTestId('request-extension')).toHaveCount(0);
    });
  });

  test('the admin loads a holiday notice in the browser: a refused field is named, then the recount makes a provisional deadline firm', async ({ api, openConsoleAs }) => {
    await test.step('the virtual clock moves to late December 2026', async () => {
      const { body } = await api.call<{ now: string }>('GET', '/clock', { as: { user: 'admin' } });
      if (new Date(body.now).getTime() < new Date(lateDecember).getTime()) {
        await api.call('POST', '/clock/advance', { as: { user: 'admin' }, body: { to: lateDecember } });
      }
    });
    const filed = await fileRestaurantCase(api);
    const intake = (await api.openTask(huangpuClerks.intake, filed.id, 'intake')) as ExtendableTask;
    expect(intake.provisional).toBe(true);

    const page = await openConsoleAs('admin');
    const dialog = page.getByTestId('load-notice-dialog');
    await step('the calendar shows its shipped notices and that 2027 is counted provisionally', page, async () => {
      await page.getByTestId('nav-calendars').click();
      await expect(page).toHaveURL(/\/calendars$/);
      await expect(page.getByTestId('calendar-year-cn-mainland-2026')).toContainText('国办发明电〔2025〕7号');
      await expect(page.getByTestId('provisional-from-cn-mainland')).toHaveText('2027 年起暂定');
      await expect(page.getByTestId('calendar-jurisdictions-cn-mainland')).toContainText('上海市');
    });

    await step('a notice with a make-up working day on a Monday is refused, naming the field', page, async () => {
      await page.getByTestId('load-notice-cn-mainland').click();
      const wrong = structuredClone(notice);
      wrong.holidays[0]?.makeUpWorkdays.push('2027-01-04');
      await page.getByTestId('notice-text').fill(JSON.stringify(wrong, null, 2));
      await expect(page.getByTestId('notice-year')).toHaveValue('2027');
      await dialog.getByRole('button', { name: '载入并重算' }).click();
      await expect(page.getByTestId('notice-problem')).toContainText('holidays[0].makeUpWorkdays[0]');
    });

    await step('the test notice picked as a file is loaded and the recount is summed up', page, async () => {
      await dialog.locator('input[type=file]').setInputFiles(noticePath);
      await expect(page.getByTestId('notice-preview')).toContainText('TEST-2027');
      await dialog.getByRole('button', { name: '载入并重算' }).click();
      await expect(page.getByTestId('notice-loaded')).toContainText('已载入 2027 年节假日通知');
      const summary = (await page.getByTestId('notice-loaded').textContent()) ?? '';
      const counts = /在办办件 (\d+) 件已重新计算时限：(\d+) 件的时限有变化，涉及 (\d+) 个计时器/.exec(summary);
      expect(Number(counts?.[1])).toBeGreaterThanOrEqual(1);
      expect(Number(counts?.[2])).toBeGreaterThanOrEqual(1);
      expect(Number(counts?.[3])).toBeGreaterThanOrEqual(1);
    });

    await step('the calendar lists 2027 as loaded at run time and counts provisionally from 2028', page, async () => {
      await dialog.getByRole('button', { name: /完\s*成/ }).click();
      await expect(page.getByTestId('calendar-year-cn-mainland-2027')).toContainText('运行时载入');
      await expect(page.getByTestId('calendar-year-cn-mainland-2027')).toContainText('TEST-2027');
      await expect(page.getByTestId('provisional-from-cn-mainland')).toHaveText('2028 年起暂定');
    });

    const recounted = (await api.openTask(huangpuClerks.intake, filed.id, 'intake')) as ExtendableTask;
    expect(recounted.provisional).toBe(false);
    expect(new Date(recounted.dueAt ?? 0).getTime()).toBeGreaterThan(new Date(intake.dueAt ?? 0).getTime());

    await test.step('the virtual clock moves on past the test notice’s holiday', async () => {
      const { body } = await api.call<{ now: string }>('GET', '/clock', { as: { user: 'admin' } });
      if (new Date(body.now).getTime() < new Date(pastTestHoliday).getTime()) {
        await api.call('POST', '/clock/advance', { as: { user: 'admin' }, body: { to: pastTestHoliday } });
      }
    });
  });
});
