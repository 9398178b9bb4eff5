import { expect, type Page } from '@playwright/test';
import { pickOption } from './design-canvas.ts';

/** Opens operation `operation` of the workbench on `page` (转办, 委派, 归还, 加签, 抄送 …) and waits for its dialog. */
export async function openOperation(page: Page, operation: string): Promise<void> {
  await page.getByTestId(`operation-${operation}`).click();
  await expect(page.getByTestId(`operation-dialog-${operation}`).getByTestId('operation-reason')).toBeVisible();
}

/** Picks `label` (a person's name, a department) in the select of the open dialog with test id `testId`. */
export async function pickInDialog(page: Page, testId: string, label: string): Promise<void> {
  await pickOption(page, page.getByTestId(testId), label);
}

/** Closes the open operation dialog without sending it. */
export async function cancelOperation(page: Page, operation: string): Promise<void> {
  await page.getByTestId(`operation-dialog-${operation}`).getByRole('button', { name: /取\s*消|Cancel/ }).click();
  await expect(page.getByTestId('operation-reason')).toHaveCount(0);
}

/** Fills the reason of the open operation dialog, confirms it, and waits for it to close. */
export async function confirmOperation(page: Page, operation: string, reason: string): Promise<void> {
  await page.getByTestId('operation-reason').fill(reason);
  await page.getByTestId(`operation-dialog-${operation}`).getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByTestId('operation-reason')).toHaveCount(0);
}
