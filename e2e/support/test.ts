import { expect, test as base, type Page } from '@playwright/test';
import { keepScreenshot } from './steps.ts';
import { systemUnderTest, type SystemUnderTest } from './system-under-test.ts';
import { demoPassword, TongbanClient } from './tongban-client.ts';

/** What the suite's tests get besides Playwright's own fixtures. */
export interface TongbanFixtures {
  /** Where the system started by the global setup answers. */
  system: SystemUnderTest;
  /** Its HTTP API, signed in as any demo user on demand. */
  api: TongbanClient;
  /** A new browser window of its own (separate session storage) with `username` signed in. */
  openConsoleAs(username: string): Promise<Page>;
}

/** Signs `username` in through the login page of `page` and waits for the console to show them. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(demoPassword);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** Playwright's `test` with the Tongban fixtures. */
export const test = base.extend<TongbanFixtures>({
  system: async ({}, use) => {
    await use(systemUnderTest());
  },
  baseURL: async ({ system }, use) => {
    await use(system.url);
  },
  api: async ({ system }, use) => {
    await use(new TongbanClient(system));
  },
  openConsoleAs: async ({ browser, baseURL, viewport, locale, timezoneId }, use, testInfo) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    const pages: Page[] = [];
    await use(async (username) => {
      const context = await browser.newContext({
        ...(baseURL === undefined ? {} : { baseURL }),
        viewport,
        ...(locale === undefined ? {} : { locale }),
        ...(timezoneId === undefined ? {} : { timezoneId }),
      });
      contexts.push(context);
      const page = await context.newPage();
      pages.push(page);
      await signIn(page, username);
      return page;
    });
    if (testInfo.status !== testInfo.expectedStatus && pages.length > 0) await keepScreenshot('failed', pages);
    for (const context of contexts) await context.close();
  },
});

export { expect };
