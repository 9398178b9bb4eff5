import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { repoRoot } from './tongban-system.ts';

/** Set to write the README's screenshots (`docs/screenshots/<name>.zh.png` and `.en.png`) from the flows. */
export const docScreenshotsVariable = 'TONGBAN_DOC_SCREENSHOTS';

const languages = [
  { label: '中文', lang: 'zh-CN', suffix: 'zh' },
  { label: 'EN', lang: 'en-US', suffix: 'en' },
] as const;

/**
 * When {@link docScreenshotsVariable} is set, shows a screen in each language and saves it at the
 * README's size (1440×900): switches the console's language, runs `show` (which may open a dialog),
 * takes the screenshot, runs `hide` (which closes what `show` opened), and ends in Chinese again.
 * Without the variable it does nothing, so the flows do not rewrite the repository's images.
 */
export async function documentScreen(page: Page, name: string, show?: () => Promise<void>, hide?: () => Promise<void>): Promise<void> {
  if (process.env[docScreenshotsVariable] === undefined) return;
  const directory = path.join(repoRoot, 'docs', 'screenshots');
  mkdirSync(directory, { recursive: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const { label, lang, suffix } of languages) {
    // A dispatched click reaches the switch under an open dialog's mask, so a dialog can be shown in both languages.
    await page.getByTestId('language-switch').getByText(label, { exact: true }).dispatchEvent('click');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    if (show !== undefined) await show();
    await page.screenshot({ path: path.join(directory, `${name}.${suffix}.png`), animations: 'disabled' });
    if (hide !== undefined) await hide();
  }
  await page.getByTestId('language-switch').getByText('中文', { exact: true }).dispatchEvent('click');
  if (size !== null) await page.setViewportSize(size);
}
