import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pickOption } from '../support/design-canvas.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';

interface MigrationFixture {
  version1: { key: string; nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } & Record<string, unknown>;
  version2Changes: { renameReview: string; reviewName: string; statutory: { amount: number; unit: string } };
  application: { jurisdiction: string; applicant: Record<string, string>; data: Record<string, unknown> };
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/migration-permit.json', import.meta.url), 'utf8')) as MigrationFixture;

/** Version 2 of the fixture's workflow under `key`: the review renamed, with a longer statutory limit. */
function versionTwo(key: string): Record<string, unknown> {
  const { renameReview, reviewName, statutory } = fixture.version2Changes;
  const renamed = JSON.parse(JSON.stringify({ ...fixture.version1, key, version: 2 }).replaceAll('"review"', `"${renameReview}"`)) as MigrationFixture['version1'];
  return { ...renamed, nodes: renamed.nodes.map((node) => (node.id === renameReview ? { ...node, name: reviewName, sla: { statutory } } : node)) };
}

test.describe('migrating running cases', () => {
  test('a designer maps the renamed review, validates the migration, applies it to one case and then to the rest', async ({ api, openConsoleAs }) => {
    test.slow();
    const key = `outdoor-ad-permit-${Date.now().toString(36)}`;
    const caseIds: string[] = [];

    await step('two cases of version 1 wait at the review when version 2 is published', [], async () => {
      await api.call('POST', '/definitions', { as: { user: 'designer' }, body: { ...fixture.version1, key, baseVersion: null } });
      for (let i = 0; i < 2; i++) {
        const filed = await api.fileCase({ ...fixture.application, definitionKey: key }, randomUUID());
        caseIds.push(filed.body.id);
      }
      await api.call('POST', '/definitions', { as: { user: 'designer' }, body: { ...versionTwo(key), baseVersion: 1, changeNote: '审查更名为许可审查，法定时限 8 个工作日' } });
    });

    const page = await openConsoleAs('designer');
    const summary = page.getByTestId('migration-summary');

    await step('the migration screen shows both versions side by side and suggests the mapping by equal ids', page, async () => {
      await page.goto(`/design/migrations?key=${key}&from=1&to=2`);
      await expect(page.getByTestId('migration-source-diagram')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('migration-target-diagram')).toBeVisible();
      await expect(page.getByTestId('mapping-public-notice')).toContainText('public-notice');
      await expect(page.getByTestId('mapping-issue')).toContainText('issue');
      await expect(page.getByTestId('mapping-review')).toContainText('未映射');
    });

    await step('a dry run without the review mapped refuses both cases and says why', page, async () => {
      await page.getByTestId('migration-validate').click();
      await expect(summary).toHaveText('可迁移 0 件，拒绝 2 件');
      await expect(page.getByTestId('migration-cases')).toContainText('目标版本没有对应节点');
    });

    await step('with the review mapped to the licence review, the dry run lists both cases ready and the limit recounted', page, async () => {
      await pickOption(page, page.getByTestId('mapping-review'), '许可审查');
      await page.getByTestId('migration-validate').click();
      await expect(summary).toHaveText('可迁移 2 件，拒绝 0 件');
      const table = page.getByTestId('migration-cases');
      await expect(table).toContainText('审查 → 许可审查');
      await expect(table).toContainText('重新计算');
      await expect(table).toContainText('法定时限');
    });

    await step('the same plan in the English console', page, async () => {
      await page.getByTestId('language-switch').getByText('EN').click();
      await expect(page.getByTestId('migration-validate')).toHaveText('Validate (dry run)');
      await expect(summary).toHaveText('2 ready, 0 refused');
      await expect(page.getByTestId('migration-cases')).toContainText('Statutory limit');
    });

    await step('the designer applies the migration to one chosen case', page, async () => {
      await page.getByTestId('language-switch').getByText('中文').click();
      await expect(summary).toHaveText('可迁移 2 件，拒绝 0 件');
      await page.getByTestId('migration-cases').locator('tbody .ant-checkbox-input').first().check();
      await page.getByTestId('migration-apply-selected').click();
      await page.getByTestId('migration-confirm').click();
      await expect(page.getByTestId('migration-confirm')).toBeHidden({ timeout: 60_000 });
      await expect(page.getByTestId('migration-error')).toHaveCount(0);
      await expect(summary).toHaveText('已迁移 1 件，拒绝 0 件');
    });

    const details = await Promise.all(caseIds.map((id) => api.caseDetail('city.supervisor', id)));
    const migrated = details.filter((detail) => detail.case.definitionVersion === 2);
    expect(migrated).toHaveLength(1);
    expect(migrated[0]?.activeNodes).toEqual(['licence-review']);
    expect(migrated[0]?.timeline.map((event) => event.type)).toContain('case.migrated');

    await step('validated again, only the other case is left; it is applied with "all"', page, async () => {
      await page.getByTestId('migration-validate').click();
      await expect(summary).toHaveText('可迁移 1 件，拒绝 0 件');
      await page.getByTestId('migration-apply-all').click();
      await page.getByTestId('migration-confirm').click();
      await expect(page.getByTestId('migration-confirm')).toBeHidden({ timeout: 60_000 });
      await expect(page.getByTestId('migration-error')).toHaveCount(0);
      await expect(summary).toHaveText('已迁移 1 件，拒绝 0 件');
      await page.getByTestId('migration-validate').click();
      await expect(summary).toHaveText('可迁移 0 件，拒绝 0 件');
    });

    const supervisor = await openConsoleAs('city.supervisor');
    await step('the case view of a migrated case shows the migration in its timeline', supervisor, async () => {
      await supervisor.goto(`/cases/${caseIds[1]}`);
      await expect(supervisor.getByTestId('case-timeline')).toContainText('迁移到流程新版本', { timeout: 30_000 });
      await expect(supervisor.getByTestId('case-timeline')).toContainText('第 1 版 → 第 2 版');
    });
  });
});
