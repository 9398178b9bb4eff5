import path from 'node:path';
import type { Page } from '@playwright/test';
import { canvasDefinition, connect, dropFromPalette, moveNode, pickOption, selectNode, visibleNode, type CanvasDefinition } from '../support/design-canvas.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';
import { repoRoot } from '../support/tongban-system.ts';
import type { TongbanClient } from '../support/tongban-client.ts';

/** A credit code whose check character is right (GB 32100-2015). */
const VALID_CREDIT_CODE = '913502000728319549';

interface StoredDefinition {
  nodes: (CanvasDefinition['nodes'][number] & Record<string, unknown>)[];
  edges: CanvasDefinition['edges'];
  dataSchema?: { properties: Record<string, { title?: string; description?: string }>; required?: string[] };
}

/** A one-task workflow for the call activity to call: urban management approves, the case ends approved. */
function subWorkflow(key: string) {
  return {
    schemaVersion: 2,
    key,
    version: 1,
    name: `街面核查 ${key}`,
    calendar: 'cn-mainland',
    nodes: [
      { id: 'start', type: 'startEvent', name: '开始' },
      { id: 'street-check', type: 'userTask', name: '街面核查', department: 'urban-management', level: 'district', candidateRole: 'clerk', outcomes: [{ id: 'approve', label: '通过' }] },
      { id: 'done', type: 'endEvent', name: '核查完成', result: 'approved' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'street-check' },
      { id: 'e2', source: 'street-check', target: 'done', outcome: 'approve' },
    ],
    baseVersion: null,
  };
}

/** Fits the diagram into the canvas (unless told not to) and saves the page at 1440×900 as `docs/screenshots/<name>.<lang>.png`. */
async function screenshot(page: Page, name: string, lang: 'zh' | 'en', fit = true): Promise<void> {
  if (fit) await page.getByTestId('toolbar-fit').click();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', `${name}.${lang}.png`) });
}

/** Waits until case `caseId` is active on node `nodeId`. */
async function activeOn(api: TongbanClient, caseId: string, nodeId: string): Promise<void> {
  await expect.poll(async () => (await api.caseDetail('admin', caseId)).activeNodes, { timeout: 60_000 }).toContain(nodeId);
}

test.describe('configuring every element', () => {
  test('a designer builds a process with an application form, a service task, a timer, a call activity and a countersign, publishes it, and a case runs to its end', async ({
    api,
    openConsoleAs,
  }) => {
    test.slow();
    const suffix = Date.now().toString(36);
    const key = `shop-opening-${suffix}`;
    const subKey = `street-check-${suffix}`;
    await api.call('POST', '/definitions', { as: { user: 'designer' }, body: subWorkflow(subKey), expect: [201] });
    const page = await openConsoleAs('designer');
    await page.setViewportSize({ width: 1440, height: 900 });
    const ids = { start: 'start', intake: '', verify: '', wait: '', sub: '', sign: '', granted: '', refused: '' };

    await step('the designer names the process and builds its application form', page, async () => {
      await visibleNode(page, ids.start);
      await page.getByTestId('def-key').fill(key);
      await page.getByTestId('def-name').fill('小店开业一件事');
      for (let n = 0; n < 3; n += 1) await page.getByTestId('app-field-add').click();
      await page.getByTestId('app-field-0-key').fill('shopName');
      await page.getByTestId('app-field-0-title').fill('店铺名称');
      await page.getByTestId('app-field-0-required').check();
      await page.getByTestId('app-field-1-key').fill('unifiedSocialCreditCode');
      await page.getByTestId('app-field-1-title').fill('统一社会信用代码');
      await page.getByTestId('app-field-1-help').fill('18 位，见营业执照');
      await page.getByTestId('app-field-1-required').check();
      await page.getByTestId('app-field-2-key').fill('shopKind');
      await page.getByTestId('app-field-2-title').fill('店铺类型');
      await pickOption(page, page.getByTestId('app-field-2-type'), '单选');
      await page.getByTestId('app-field-2-options-0-value').fill('food');
      await page.getByTestId('app-field-2-options-0-label').fill('餐饮');
      await page.getByTestId('app-field-2-options-add').click();
      await page.getByTestId('app-field-2-options-1-value').fill('retail');
      await page.getByTestId('app-field-2-options-1-label').fill('零售');
      await page.getByTestId('app-field-2-up').click();
      await expect(page.getByTestId('app-field-1')).toHaveAttribute('data-key', 'shopKind');
      await page.getByTestId('app-field-2-help').scrollIntoViewIfNeeded();
      await screenshot(page, 'design-application-form', 'zh', false);
    });

    await step('the nodes are dropped from the palette and connected', page, async () => {
      const canvas = await page.getByTestId('design-canvas').boundingBox();
      if (canvas === null) throw new Error('The design canvas is not visible');
      const row = canvas.y + canvas.height / 2;
      const at = (dx: number, dy: number) => ({ x: canvas.x + dx, y: row + dy });
      await moveNode(page, ids.start, at(30, -200));
      ids.intake = await dropFromPalette(page, 'userTask', at(110, -250));
      ids.verify = await dropFromPalette(page, 'serviceTask', at(420, -250));
      ids.wait = await dropFromPalette(page, 'timerEvent', at(720, -235));
      ids.sub = await dropFromPalette(page, 'callActivity', at(110, -30));
      ids.sign = await dropFromPalette(page, 'userTask', at(420, -30));
      ids.granted = await dropFromPalette(page, 'endEvent', at(720, -50));
      ids.refused = await dropFromPalette(page, 'endEvent', at(720, 130));
      await connect(page, ids.start, ids.intake);
      await connect(page, ids.intake, ids.verify);
      await connect(page, ids.verify, ids.wait);
      await connect(page, ids.wait, ids.sub);
      await connect(page, ids.sub, ids.sign);
      await connect(page, ids.sign, ids.granted);
      await connect(page, ids.sign, ids.refused);
      expect((await canvasDefinition(page)).edges).toHaveLength(7);
    });

    await step('the intake task: service hall, approve only, an acceptance deadline', page, async () => {
      await selectNode(page, ids.intake);
      await page.getByTestId('prop-name').fill('窗口受理');
      await pickOption(page, page.getByTestId('prop-department'), '政务服务中心');
      await expect(page.getByTestId('prop-role')).toContainText('经办人');
      await page.getByTestId('outcome-builtin-reject').click();
      await page.getByTestId('acceptance-deadline-enabled').check();
      await page.getByTestId('acceptance-deadline-amount').fill('5');
      await page.getByTestId('acceptance-deadline-amount').blur();
      await page.getByTestId('sla-statutory-enabled').check();
      await page.getByTestId('extension-enabled').check();
      await pickOption(page, page.getByTestId('extension-approver'), '管理人员');
      await page.getByTestId('acceptance-deadline-amount').scrollIntoViewIfNeeded();
      await screenshot(page, 'design-user-task', 'zh');
    });

    await step('the service task verifies the credit code with a registered service and its parameters', page, async () => {
      await selectNode(page, ids.verify);
      await page.getByTestId('prop-name').fill('核验营业执照');
      await pickOption(page, page.getByTestId('service-handler'), 'verify-business-licence');
      await expect(page.getByTestId('service-params')).toContainText('默认：businessLicenceVerified');
      await page.getByTestId('service-param-resultField').fill('licenceValid');
      await page.getByTestId('service-retry-enabled').check();
      await screenshot(page, 'design-service-task', 'zh');
    });

    await step('the timer waits two working days', page, async () => {
      await selectNode(page, ids.wait);
      await page.getByTestId('prop-name').fill('公示期');
      await page.getByTestId('timer-duration-amount').fill('2');
      await page.getByTestId('timer-duration-amount').blur();
      await screenshot(page, 'design-timer', 'zh');
    });

    await step('the call activity calls the published street check at a fixed version, passing the shop name', page, async () => {
      await selectNode(page, ids.sub);
      await page.getByTestId('prop-name').fill('街面核查');
      await pickOption(page, page.getByTestId('call-workflow'), subKey);
      await page.getByTestId('call-version-binding').getByText('固定版本').click();
      await expect(page.getByTestId('call-version')).toContainText('第 1 版');
      await page.getByTestId('call-inputs-mode').getByText('只传以下字段').click();
      await expect(page.getByTestId('call-inputs')).toContainText('shopName');
      await screenshot(page, 'design-call-activity', 'zh');
    });

    await step('the countersign: market regulation and fire rescue must both approve', page, async () => {
      await selectNode(page, ids.sign);
      await page.getByTestId('prop-name').fill('联合审查');
      await pickOption(page, page.getByTestId('prop-department'), '市场监督管理局');
      await page.getByTestId('countersign-enabled').check();
      const items = page.getByTestId('countersign-items');
      while ((await items.locator('.ant-select-selection-item-remove').count()) > 0) await items.locator('.ant-select-selection-item-remove').first().click();
      await pickOption(page, items, '市场监督管理局');
      await page.keyboard.press('Escape');
      await pickOption(page, items, '消防救援');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('countersign-completion')).toContainText('全部同意');
      await page.getByTestId('countersign-enabled').scrollIntoViewIfNeeded();
      await screenshot(page, 'design-countersign', 'zh');
    });

    await step('the two ends report approved and rejected', page, async () => {
      await selectNode(page, ids.granted);
      await page.getByTestId('prop-name').fill('准予开业');
      await pickOption(page, page.getByTestId('prop-result'), 'approved');
      await selectNode(page, ids.refused);
      await page.getByTestId('prop-name').fill('不予开业');
      await pickOption(page, page.getByTestId('prop-result'), 'rejected');
    });

    await step('no errors remain, and the process is published', page, async () => {
      await page.getByTestId('tab-problems').click();
      await expect(page.getByTestId('diagnostics-error-count')).toHaveText('0 个错误');
      await page.getByTestId('toolbar-publish').click();
      await page.getByTestId('publish-note').fill('首次发布');
      await page.getByTestId('publish-confirm').click();
      await expect(page.locator('.ant-message')).toContainText(`已发布 ${key} 第 1 版`);
    });

    await test.step('the stored definition holds every setting, the application fields in the designed order', async () => {
      const { body } = await api.call<{ definition: StoredDefinition }>('GET', `/definitions/${key}/versions/1`, { as: { user: 'designer' } });
      const nodes = new Map(body.definition.nodes.map((node) => [node.id, node]));
      expect(Object.keys(body.definition.dataSchema?.properties ?? {})).toEqual(['shopName', 'shopKind', 'unifiedSocialCreditCode']);
      expect(body.definition.dataSchema?.properties.unifiedSocialCreditCode).toMatchObject({ title: '统一社会信用代码', description: '18 位，见营业执照' });
      expect(body.definition.dataSchema?.required).toEqual(['shopName', 'unifiedSocialCreditCode']);
      expect(nodes.get(ids.intake)).toMatchObject({ department: 'service-hall', sla: { statutory: { amount: 20, unit: 'workingDay' } }, acceptanceDeadline: { amount: 5, unit: 'workingDay' }, extension: { approverRole: 'manager' } });
      expect(nodes.get(ids.verify)).toMatchObject({ implementation: { handler: 'verify-business-licence', params: { resultField: 'licenceValid' } } });
      expect(nodes.get(ids.wait)).toMatchObject({ duration: { amount: 2, unit: 'workingDay' } });
      expect(nodes.get(ids.sub)).toMatchObject({ calledElement: subKey, version: 1, inputs: ['shopName'] });
      expect(nodes.get(ids.sign)).toMatchObject({ multiInstance: { over: 'departments', items: ['market-regulation', 'fire-rescue'], completion: 'all' } });
    });

    await test.step('a case of it runs to its end in the runtime', async () => {
      const filed = await api.fileCase(
        { definitionKey: key, jurisdiction: 'sh-huangpu', applicant: { name: '张三' }, data: { shopName: '老张面馆', shopKind: 'food', unifiedSocialCreditCode: VALID_CREDIT_CODE } },
        `e2e-${key}`,
      );
      const caseId = filed.body.id;
      await api.decide('huangpu.intake', caseId, ids.intake, { outcome: 'approve' });
      await activeOn(api, caseId, ids.wait);
      expect((await api.caseDetail('admin', caseId)).case.data).toMatchObject({ licenceValid: true });
      await api.advanceClock(3, 'workingDay');
      await activeOn(api, caseId, ids.sub);
      const inbox = await api.call<{ items: { id: string; caseId: string; nodeId: string }[] }>('GET', '/tasks?limit=200', { as: { user: 'huangpu.urban' } });
      const subTask = inbox.body.items.find((task) => task.nodeId === 'street-check' && task.caseId !== caseId);
      if (subTask === undefined) throw new Error('The call activity started no sub-case task');
      expect((await api.caseDetail('admin', subTask.caseId)).case.data).toEqual({ shopName: '老张面馆' });
      await api.decide('huangpu.urban', subTask.caseId, 'street-check', { outcome: 'approve' });
      await activeOn(api, caseId, ids.sign);
      await api.decide('huangpu.market', caseId, ids.sign, { outcome: 'approve' });
      await api.decide('huangpu.fire', caseId, ids.sign, { outcome: 'approve' });
      await expect.poll(async () => (await api.caseDetail('admin', caseId)).case.status, { timeout: 60_000 }).toBe('completed');
      expect((await api.caseDetail('admin', caseId)).case.result).toBe('approved');
    });

    await step('the panels in English', page, async () => {
      await page.getByTestId('language-switch').getByText('EN').click();
      await page.getByTestId('tab-properties').click();
      const shots: [string, string][] = [
        [ids.intake, 'design-user-task'],
        [ids.verify, 'design-service-task'],
        [ids.wait, 'design-timer'],
        [ids.sub, 'design-call-activity'],
        [ids.sign, 'design-countersign'],
      ];
      for (const [id, name] of shots) {
        await selectNode(page, id);
        if (name === 'design-user-task') await page.getByTestId('acceptance-deadline-amount').scrollIntoViewIfNeeded();
        if (name === 'design-countersign') await page.getByTestId('countersign-enabled').scrollIntoViewIfNeeded();
        await screenshot(page, name, 'en');
      }
      await page.getByTestId('design-canvas').click({ position: { x: 20, y: 20 } });
      await page.getByTestId('app-field-2-help').scrollIntoViewIfNeeded();
      await screenshot(page, 'design-application-form', 'en');
    });
  });
});
