import { step } from '../support/steps.ts';
import { expect, signIn, test } from '../support/test.ts';

test.describe('signing in', () => {
  test('the login page shows the form and the demo accounts', async ({ page }) => {
    await step('login page', page, async () => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/login/);
      await expect(page.getByTestId('login-form')).toBeVisible();
      await expect(page.getByTestId('demo-hint')).toContainText('tongban123');
    });
  });

  test('a wrong password is refused with a message', async ({ page }) => {
    await step('wrong password', page, async () => {
      await page.goto('/login');
      await page.getByTestId('login-username').fill('huangpu.market');
      await page.getByTestId('login-password').fill('not-the-password');
      await page.getByTestId('login-submit').click();
      await expect(page.getByTestId('login-error')).toBeVisible();
      await expect(page).toHaveURL(/\/login/);
    });
  });

  test('a clerk who signs in lands in the inbox of their department', async ({ page }) => {
    await step('clerk signed in', page, async () => {
      await signIn(page, 'huangpu.market');
      await expect(page).toHaveURL(/\/tasks$/);
      await expect(page.getByTestId('tasks-page')).toBeVisible();
      await expect(page.getByTestId('inbox-table')).toBeVisible();
      await expect(page.getByTestId('current-department')).toContainText('黄浦');
      await expect(page.getByTestId('nav-tasks')).toBeVisible();
      await expect(page.getByTestId('nav-design')).toHaveCount(0);
    });
  });
});
