import type { Page } from '@playwright/test';
import { pickOption } from '../support/design-canvas.ts';
import { fileRestaurantCase, huangpuClerks } from '../support/restaurant-case.ts';
import { step } from '../support/steps.ts';
import { ApiCallError } from '../support/tongban-client.ts';
import { expect, test } from '../support/test.ts';
import { claimFromInbox } from '../support/workbench.ts';

/** Where the README's screenshots live. */
const screenshots = new URL('../../docs/screenshots/', import.meta.url);

/**
 * Saves the screen `show` opens on `page` as `docs/screenshots/<name>.zh.png`, then in English as
 * `<name>.en.png` (through the console's language switch), closing it with `hide` each time; the
 * console is left in Chinese with the screen closed.
 */
async function screenshotInBothLanguages(page: Page, name: string, show: () => Promise<void>, hide: () => Promise<void>): Promise<void> {
  for (const [locale, label] of [['zh', '中文'], ['en', 'EN']] as const) {
    await page.getByTestId('language-switch').getByText(label, { exact: true }).click();
    await show();
    await page.screenshot({ path: new URL(`${name}.${locale}.png`, screenshots).pathname, fullPage: true });
    await hide();
  }
  await page.getByTestId('language-switch').getByText('中文', { exact: true }).click();
}

test.describe('补正 (行政许可法 art. 32)', () => {
  test('a 补正 asked with its items, refused a second time, recorded at the window; the case resumes and the applicant reads it', async ({ api, openConsoleAs }) => {
    test.slow();
    const filed = await fileRestaurantCase(api);
    expect(filed.caseNumber).toMatch(/^SH-\d{4}-\d{6}$/);
    const intake = await api.openTask(huangpuClerks.intake, filed.id, 'intake');
    const page = await openConsoleAs(huangpuClerks.intake);
    const dialog = page.getByTestId('supplement-dialog');

    await step('the window clerk finds the case by its number and claims the intake', page, async () => {
      await page.getByTestId('inbox-search').locator('input').fill(filed.caseNumber);
      await page.getByTestId('inbox-search').locator('input').press('Enter');
      await expect(page.getByTestId(`case-number-${intake.id}`)).toHaveText(filed.caseNumber);
      await claimFromInbox(page, intake.id);
      await expect(page.getByTestId('case-number')).toHaveText(filed.caseNumber);
    });

    await step('the 补正 names a field of the application and a document, each with a note', page, async () => {
      await page.getByTestId('outcome-requestSupplement').click();
      await page.getByTestId('supplement-item-document-0').fill('经营场所平面布局图');
      await page.getByTestId('supplement-item-note-0').fill('须标明后厨与就餐区');
      await page.getByTestId('supplement-add-item').click();
      await pickOption(page, page.getByTestId('supplement-item-kind-1'), '申请信息');
      await pickOption(page, page.getByTestId('supplement-item-field-1'), '经营场所地址');
      await page.getByTestId('supplement-item-note-1').fill('须写明楼层与门牌号');
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await expect(dialog).toHaveCount(0);
      await expect(page.getByTestId('case-page')).toHaveAttribute('data-case-status', 'suspended');
      await expect(page.getByTestId('supplement-pending')).toContainText('经营场所平面布局图');
      await expect(page.getByTestId('supplement-pending')).toContainText('经营场所地址：须写明楼层与门牌号');
      await expect(page.getByTestId('case-timeline')).toContainText('须标明后厨与就餐区');
    });

    await step('the applicant reads through the API key what the 补正 asks for', page, async () => {
      const view = await api.call<Record<string, unknown>>('GET', `/intake/cases/${filed.id}`, { as: { apiKey: true } });
      expect(view.body).toMatchObject({
        caseNumber: filed.caseNumber,
        status: 'suspended',
        acceptedAt: null,
        supplement: {
          items: [
            { kind: 'document', document: '经营场所平面布局图', note: '须标明后厨与就餐区' },
            { kind: 'field', field: 'address', note: '须写明楼层与门牌号' },
          ],
          answeredAt: null,
        },
      });
      expect(JSON.stringify(view.body)).not.toContain('idempotency');
    });

    await step('the clerk records at the window what the applicant hands in', page, async () => {
      const window = page.getByTestId('window-supplement-dialog');
      const fillIn = async () => {
        await page.getByTestId('record-window-supplement').click();
        await expect(window.getByTestId('window-document-0')).toBeVisible();
        await window.getByTestId('window-document-0').check();
        await window.getByTestId('window-field-1').fill('上海市黄浦区九江路168号一层101室');
      };
      await screenshotInBothLanguages(page, 'supplement-window', fillIn, async () => {
        await page.keyboard.press('Escape');
        await expect(window.getByTestId('window-document-0')).toHaveCount(0);
      });
      await fillIn();
      await window.getByRole('button', { name: /登记收件/ }).click();
      await expect(page.getByTestId('case-page')).toHaveAttribute('data-case-status', 'active');
      await expect(page.getByTestId('supplement-pending')).toHaveCount(0);
      await expect(page.getByTestId('case-timeline')).toContainText('窗口收件');
    });

    await step('a second 补正 on the same intake is refused', page, async () => {
      await page.getByTestId('outcome-requestSupplement').click();
      await page.getByTestId('supplement-item-document-0').fill('食品安全管理制度');
      await page.getByTestId('supplement-item-note-0').fill('再补一项');
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await expect(page.getByTestId('task-workbench')).toContainText('一次性告知');
      const refused = await api
        .call('POST', `/tasks/${intake.id}/complete`, {
          as: { user: huangpuClerks.intake },
          body: { outcome: 'requestSupplement', data: {}, supplementItems: [{ kind: 'document', document: '食品安全管理制度', note: '再补' }] },
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(refused).toBeInstanceOf(ApiCallError);
      expect((refused as ApiCallError).status).toBe(409);
      expect(JSON.stringify((refused as ApiCallError).body)).toContain('supplement-already-requested');
    });

    await step('the case resumes: the intake is accepted and the next step opens', page, async () => {
      await api.decide(huangpuClerks.intake, filed.id, 'intake', {
        outcome: 'approve',
        data: { area: 420, seats: 110, publicGatheringVenue: true, outdoorSign: true },
      });
      const detail = await api.caseDetail(huangpuClerks.intake, filed.id);
      expect(detail.activeNodes).toContain('licence-check');
      const view = await api.call<Record<string, unknown>>('GET', `/intake/cases/${filed.id}`, { as: { apiKey: true } });
      expect(view.body).toMatchObject({ status: 'active', acceptedAt: expect.any(String), supplement: { answeredAt: expect.any(String) } });
      expect((view.body.currentSteps as { name: string }[]).length).toBeGreaterThan(0);
      await page.reload();
      await expect(page.getByTestId('case-summary')).toContainText(filed.caseNumber);
      await screenshotInBothLanguages(
        page,
        'supplement-resumed',
        async () => {
          await expect(page.getByTestId('case-summary')).toBeVisible();
        },
        async () => undefined,
      );
    });
  });
});
