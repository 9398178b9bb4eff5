import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { documentScreen } from '../support/doc-screenshots.ts';
import { step } from '../support/steps.ts';
import { confirmOperation, openOperation, pickInDialog } from '../support/task-operations.ts';
import { expect, test } from '../support/test.ts';
import { claimFromInbox, decideAndConfirm } from '../support/workbench.ts';

const definition = JSON.parse(readFileSync(new URL('../fixtures/joint-review.json', import.meta.url), 'utf8')) as { key: string };

test.describe('adding a signer to a countersignature', () => {
  test('the fire brigade’s clerk adds the health commission as a signer, whose clerk approves, and the joint review completes', async ({ api, openConsoleAs }) => {
    test.slow();
    await api.call('POST', '/definitions', { as: { user: 'designer' }, body: definition, expect: [201] });
    const filed = await api.call<{ id: string }>('POST', '/cases', {
      as: { apiKey: true },
      headers: { 'idempotency-key': randomUUID() },
      body: { definitionKey: definition.key, jurisdiction: 'sh-huangpu-nanjing-east', applicant: { name: '林晓燕' }, data: {} },
      expect: [201],
    });
    const caseId = filed.body.id;
    const fireTask = await api.openTask('huangpu.fire', caseId, 'joint-review');
    const fire = await openConsoleAs('huangpu.fire');

    await step('the fire brigade’s clerk claims its instance and adds the health commission with a reason', fire, async () => {
      await claimFromInbox(fire, fireTask.id);
      await documentScreen(
        fire,
        'add-signers',
        async () => {
          await openOperation(fire, 'addSigners');
          await pickInDialog(fire, 'operation-targets', '(health)');
          await fire.getByTestId('operation-reason').fill('涉及餐饮卫生，需卫生健康委会签');
        },
        async () => {
          await fire.getByTestId('operation-dialog-addSigners').getByRole('button', { name: /取\s*消|Cancel/ }).click();
          await expect(fire.getByTestId('operation-reason')).toHaveCount(0);
        },
      );
      await openOperation(fire, 'addSigners');
      await pickInDialog(fire, 'operation-targets', '(health)');
      await confirmOperation(fire, 'addSigners', '涉及餐饮卫生，需卫生健康委会签');
      await expect(fire.getByTestId('case-timeline')).toContainText('health');
    });

    const healthTask = await api.openTask('huangpu.health', caseId, 'joint-review');
    const health = await openConsoleAs('huangpu.health');
    await step('the added signer finds the new instance in the inbox and approves it', health, async () => {
      await claimFromInbox(health, healthTask.id);
      await expect(health.getByTestId('task-workbench')).toContainText('会签 2/2');
      await decideAndConfirm(health, 'approve');
    });

    await step('the fire brigade’s clerk approves, and the joint review completes', fire, async () => {
      await fire.reload();
      await expect(fire.getByTestId('outcome-bar')).toBeVisible({ timeout: 60_000 });
      await decideAndConfirm(fire, 'approve');
      await expect(fire.getByTestId('case-page')).toHaveAttribute('data-case-status', 'completed');
    });
  });
});
