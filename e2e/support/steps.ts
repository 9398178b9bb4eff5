import { test, type Page, type TestInfo } from '@playwright/test';

const taken = new WeakMap<TestInfo, number>();

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/**
 * Saves a full-page screenshot of each of `pages` as an artifact of the running test
 * (`NN-<title>[-<i>].png` in its output folder, attached to the report).
 */
export async function keepScreenshot(title: string, pages: Page | readonly Page[]): Promise<void> {
  const info = test.info();
  const number = (taken.get(info) ?? 0) + 1;
  taken.set(info, number);
  const list = Array.isArray(pages) ? pages : [pages as Page];
  for (const [index, page] of list.entries()) {
    const name = `${String(number).padStart(2, '0')}-${slug(title)}${list.length > 1 ? `-${index + 1}` : ''}.png`;
    const path = info.outputPath(name);
    await page.screenshot({ path, fullPage: true });
    await info.attach(name, { path, contentType: 'image/png' });
  }
}

/** One step of a flow, reported as a Playwright step, with a screenshot of `pages` when it is done. */
export async function step(title: string, pages: Page | readonly Page[], body: () => Promise<void>): Promise<void> {
  await test.step(title, async () => {
    await body();
    await keepScreenshot(title, pages);
  });
}
