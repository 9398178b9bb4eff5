import { expect, type Page } from '@playwright/test';

/** Text of the button that confirms a decision (workbench messages, zh-CN). */
const confirmDecision = '确认提交';

/**
 * From the inbox on `page`: claims task `taskId` (which opens its workbench) and waits until the
 * claim shows, so the form and the decision bar are there.
 */
export async function claimFromInbox(page: Page, taskId: string): Promise<void> {
  await page.getByTestId(`claim-${taskId}`).click();
  await expect(page).toHaveURL(new RegExp(`[?&]task=${taskId}`));
  await expect(page.getByTestId('task-workbench')).toHaveAttribute('data-task-status', 'claimed');
  await expect(page.getByTestId('outcome-bar')).toBeVisible();
}

/** Fills text fields of the generated task form, by field key. */
export async function fillTaskForm(page: Page, values: Readonly<Record<string, string>>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await page.getByTestId(`field-${key}`).fill(value);
  }
}

/** Presses the button of `outcome` in the workbench, confirms, and waits for the task to close. */
export async function decideAndConfirm(page: Page, outcome: string): Promise<void> {
  await page.getByTestId(`outcome-${outcome}`).click();
  await page.getByRole('button', { name: confirmDecision }).click();
  await expect(page.getByTestId('task-workbench')).toHaveAttribute('data-task-status', 'completed');
}
