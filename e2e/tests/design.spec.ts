import {
  canvasDefinition,
  connect,
  dragHandle,
  dropFromPalette,
  flowPositionOf,
  moveNode,
  pickOption,
  selectNode,
  visibleNode,
  type CanvasDefinition,
} from '../support/design-canvas.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';

interface PublishedVersion {
  key: string;
  version: number;
  definition: CanvasDefinition & {
    nodes: (CanvasDefinition['nodes'][number] & { candidateRole?: string; sla?: unknown; result?: string })[];
  };
}

function edgeBetween(definition: CanvasDefinition, source: string, target: string) {
  const edge = definition.edges.find((candidate) => candidate.source === source && candidate.target === target);
  if (edge === undefined) throw new Error(`No edge from '${source}' to '${target}' on the canvas`);
  return edge;
}

test.describe('designing a process', () => {
  test('a designer draws a six-node process with the mouse, fixes what the diagnostics report and publishes it', async ({ api, openConsoleAs }) => {
    test.slow();
    const key = `street-stall-permit-${Date.now().toString(36)}`;
    const page = await openConsoleAs('designer');
    const problems = page.getByTestId('diagnostics-list');
    const ids = { start: 'start', intake: '', gateway: '', review: '', granted: '', refused: '' };

    await step('the designer opens a blank process on the Design screen', page, async () => {
      await expect(page).toHaveURL(/\/design$/);
      await visibleNode(page, ids.start);
      await expect(page.getByTestId('definition-settings')).toBeVisible();
      await page.getByTestId('def-key').fill(key);
      await page.getByTestId('def-name').fill('临时占道经营审批');
    });

    await step('six nodes are dragged from the palette onto the canvas', page, async () => {
      const canvas = await page.getByTestId('design-canvas').boundingBox();
      if (canvas === null) throw new Error('The design canvas is not visible');
      const row = canvas.y + canvas.height / 2;
      const at = (dx: number, dy: number) => ({ x: canvas.x + dx, y: row + dy });
      await moveNode(page, ids.start, at(50, 0));
      const intakeDrop = at(150, -35);
      ids.intake = await dropFromPalette(page, 'userTask', intakeDrop);
      const landed = (await canvasDefinition(page)).nodes.find((node) => node.id === ids.intake)?.position;
      const expected = await flowPositionOf(page, intakeDrop);
      expect(Math.abs((landed?.x ?? Number.NaN) - expected.x)).toBeLessThanOrEqual(2);
      expect(Math.abs((landed?.y ?? Number.NaN) - expected.y)).toBeLessThanOrEqual(2);
      ids.gateway = await dropFromPalette(page, 'exclusiveGateway', at(420, -25));
      ids.review = await dropFromPalette(page, 'userTask', at(540, -200));
      ids.granted = await dropFromPalette(page, 'endEvent', at(870, -25));
      ids.refused = await dropFromPalette(page, 'endEvent', at(600, 150));
      expect((await canvasDefinition(page)).nodes).toHaveLength(6);
    });

    await step('the nodes are connected handle to handle', page, async () => {
      await connect(page, ids.start, ids.intake);
      await connect(page, ids.intake, ids.gateway);
      await connect(page, ids.intake, ids.refused);
      await connect(page, ids.gateway, ids.review);
      await connect(page, ids.gateway, ids.granted);
      await connect(page, ids.review, ids.granted);
      await connect(page, ids.review, ids.refused);
      const drawn = await canvasDefinition(page);
      expect(drawn.edges).toHaveLength(7);
      expect(edgeBetween(drawn, ids.intake, ids.gateway).outcome).toBe('approve');
      expect(edgeBetween(drawn, ids.intake, ids.refused).outcome).toBe('reject');
    });

    await step('the diagnostics name the tasks without a department and the gateway without conditions', page, async () => {
      await page.getByTestId('tab-problems').click();
      const drawn = await canvasDefinition(page);
      for (const task of [ids.intake, ids.review]) {
        await expect(problems.locator(`[data-code="user-task-without-department"][data-node-id="${task}"]`)).toBeVisible();
        await expect(page.getByTestId(`problem-badge-${task}`)).toBeVisible();
      }
      await expect(problems.locator(`[data-code="exclusive-gateway-without-default"][data-node-id="${ids.gateway}"]`)).toBeVisible();
      for (const target of [ids.review, ids.granted]) {
        const edge = edgeBetween(drawn, ids.gateway, target);
        await expect(problems.locator(`[data-code="exclusive-edge-without-condition"][data-edge-id="${edge.id}"]`)).toBeVisible();
      }
    });

    await step('publishing is refused while errors remain', page, async () => {
      await page.getByTestId('toolbar-publish').click();
      await expect(page.getByTestId('publish-target')).toHaveText('这是一个新流程，将作为第 1 版发布。');
      await page.getByTestId('publish-confirm').click();
      await expect(page.locator('.ant-message')).toContainText('发布失败');
      const listed = await api.call<{ items: { key: string }[] }>('GET', '/definitions', { as: { user: 'designer' } });
      expect(listed.body.items.map((item) => item.key)).not.toContain(key);
    });

    await step('the acceptance task goes to the service hall with a promised and a statutory limit', page, async () => {
      await page.getByTestId('tab-properties').click();
      await selectNode(page, ids.intake);
      await page.getByTestId('prop-name').fill('窗口受理');
      await pickOption(page, page.getByTestId('prop-department'), '政务服务中心');
      await expect(page.getByTestId('prop-level')).toContainText('区级');
      await expect(page.getByTestId('prop-role')).toContainText('经办人');
      await page.getByTestId('sla-promised-enabled').check();
      await page.getByTestId('sla-promised-amount').fill('1');
      await page.getByTestId('sla-statutory-enabled').check();
      await page.getByTestId('sla-statutory-amount').fill('5');
      await page.getByTestId('sla-statutory-amount').blur();
      await expect(page.getByTestId(`node-${ids.intake}`)).toContainText('政务服务中心');
    });

    await step('the review task goes to market regulation', page, async () => {
      await selectNode(page, ids.review);
      await page.getByTestId('prop-name').fill('现场核查');
      await pickOption(page, page.getByTestId('prop-department'), '市场监督管理局');
      await page.getByTestId('sla-statutory-enabled').check();
      await page.getByTestId('sla-statutory-amount').fill('10');
      await page.getByTestId('sla-statutory-amount').blur();
      await page.getByTestId('tab-problems').click();
      await expect(problems.locator('[data-code="user-task-without-department"]')).toHaveCount(0);
    });

    await step('the gateway sends large stalls to the review and the rest straight to the permit', page, async () => {
      const drawn = await canvasDefinition(page);
      const toReview = edgeBetween(drawn, ids.gateway, ids.review);
      const toGranted = edgeBetween(drawn, ids.gateway, ids.granted);
      await problems.locator(`[data-code="exclusive-edge-without-condition"][data-edge-id="${toReview.id}"]`).click();
      await page.getByTestId('tab-properties').click();
      await expect(page.getByTestId('edge-properties')).toHaveAttribute('data-edge-id', toReview.id);
      await page.getByTestId('edge-condition').fill('area >= 10');
      await expect(page.getByTestId('edge-condition-status')).toHaveAttribute('data-ok', 'true');
      await page.getByTestId('tab-problems').click();
      await problems.locator(`[data-code="exclusive-edge-without-condition"][data-edge-id="${toGranted.id}"]`).click();
      await page.getByTestId('tab-properties').click();
      await expect(page.getByTestId('edge-properties')).toHaveAttribute('data-edge-id', toGranted.id);
      await page.getByTestId('edge-default').check();
    });

    await step('the refusal end reports the result rejected', page, async () => {
      await page.getByTestId('toolbar-fit').click();
      await selectNode(page, ids.refused);
      await page.getByTestId('prop-name').fill('不予许可');
      await pickOption(page, page.getByTestId('prop-result'), 'rejected');
      await selectNode(page, ids.granted);
      await page.getByTestId('prop-name').fill('准予许可');
      await pickOption(page, page.getByTestId('prop-result'), 'approved');
    });

    await step('no errors remain after auto-layout', page, async () => {
      await page.getByTestId('toolbar-layout').click();
      await page.getByTestId('tab-problems').click();
      await expect(page.getByTestId('diagnostics-error-count')).toHaveText('0 个错误');
      await expect(problems.locator('[data-severity="error"]')).toHaveCount(0);
    });

    await step('the process is published as version 1 with a change note', page, async () => {
      await page.getByTestId('toolbar-publish').click();
      await page.getByTestId('publish-note').fill('首次发布');
      await page.getByTestId('publish-confirm').click();
      await expect(page.locator('.ant-message')).toContainText(`已发布 ${key} 第 1 版`);
    });

    await step('a publish on top of a version someone else replaced meanwhile is stopped and the console says why', page, async () => {
      const latest = await api.call<PublishedVersion>('GET', `/definitions/${key}/versions/1`, { as: { user: 'designer' } });
      await api.call('POST', '/definitions', {
        as: { user: 'admin' },
        body: { ...latest.body.definition, name: '临时占道经营审批（管理员修改）', baseVersion: 1, changeNote: '管理员修改名称' },
      });
      await page.getByTestId('tab-properties').click();
      await selectNode(page, ids.review);
      await page.getByTestId('prop-name').fill('现场核查（复核）');
      await page.getByTestId('toolbar-publish').click();
      await page.getByTestId('publish-note').fill('核查改为复核');
      await expect(page.getByTestId('publish-key-in-use')).toContainText(`当前画布基于第 1 版，此后 ${key} 已发布第 2 版（admin`);
      const listed = await api.call<{ items: { version: number }[] }>('GET', `/definitions/${key}/versions`, { as: { user: 'designer' } });
      expect(listed.body.items.map((item) => item.version)).toEqual([2, 1]);
    });

    await step('the designer confirms the replacement, and the history shows who published each version, when and why', page, async () => {
      await expect(page.getByTestId('publish-confirm')).toHaveText('仍然发布为第 3 版');
      await page.getByTestId('publish-confirm').click();
      await expect(page.locator('.ant-message')).toContainText(`已发布 ${key} 第 3 版`);
      await page.getByTestId('tab-history').click();
      await expect(page.getByTestId('version-3-note')).toHaveText('核查改为复核');
      await expect(page.getByTestId('version-3-published')).toContainText('designer');
      await expect(page.getByTestId('version-2-note')).toHaveText('管理员修改名称');
      await expect(page.getByTestId('version-1-note')).toHaveText('首次发布');
    });

    await test.step('the API lists the new definition with what was drawn', async () => {
      const listed = await api.call<{ items: { key: string; version: number; name: string }[] }>('GET', '/definitions', { as: { user: 'designer' } });
      expect(listed.body.items).toContainEqual(expect.objectContaining({ key, version: 3, name: '临时占道经营审批' }));
      const { body } = await api.call<PublishedVersion>('GET', `/definitions/${key}/versions/1`, { as: { user: 'designer' } });
      const nodes = new Map(body.definition.nodes.map((node) => [node.id, node]));
      expect(body.definition.nodes).toHaveLength(6);
      expect(body.definition.edges).toHaveLength(7);
      expect(nodes.get(ids.intake)).toMatchObject({
        name: '窗口受理',
        department: 'service-hall',
        level: 'district',
        candidateRole: 'clerk',
        sla: { promised: { amount: 1, unit: 'workingDay' }, statutory: { amount: 5, unit: 'workingDay' } },
      });
      expect(nodes.get(ids.review)).toMatchObject({ name: '现场核查', department: 'market-regulation' });
      expect(nodes.get(ids.refused)).toMatchObject({ result: 'rejected' });
      expect(edgeBetween(body.definition, ids.gateway, ids.review).condition).toBe('area >= 10');
      expect(edgeBetween(body.definition, ids.gateway, ids.granted).default).toBe(true);
    });
  });

  test('connecting two output handles draws no edge', async ({ openConsoleAs }) => {
    const page = await openConsoleAs('designer');
    await visibleNode(page, 'start');
    const canvas = await page.getByTestId('design-canvas').boundingBox();
    if (canvas === null) throw new Error('The design canvas is not visible');
    const row = canvas.y + canvas.height / 2;
    const first = await dropFromPalette(page, 'userTask', { x: canvas.x + 150, y: row + 120 });
    const second = await dropFromPalette(page, 'userTask', { x: canvas.x + 520, y: row + 120 });
    await step('an edge dragged from one output handle to another is not drawn', page, async () => {
      await dragHandle(page, `handle-${first}-out`, `handle-${second}-out`);
      await expect(page.locator('.react-flow__edge')).toHaveCount(0);
      expect((await canvasDefinition(page)).edges).toEqual([]);
    });
  });

  test('a published workflow opened from the list shows every one of its nodes', async ({ api, openConsoleAs }) => {
    const { body } = await api.call<{ items: { key: string; version: number }[] }>('GET', '/definitions', { as: { user: 'designer' } });
    const latest = body.items.find((item) => item.key === 'open-restaurant');
    if (latest === undefined) throw new Error("The seed published no 'open-restaurant'");
    const version = await api.call<PublishedVersion>('GET', `/definitions/open-restaurant/versions/${latest.version}`, { as: { user: 'designer' } });
    const page = await openConsoleAs('designer');
    await step('the designer opens open-restaurant from the published list', page, async () => {
      await page.getByTestId('toolbar-open').click();
      await page.getByTestId(`open-open-restaurant-v${latest.version}`).click();
      await expect(page.getByTestId('design-status')).toContainText('open-restaurant');
      for (const node of version.body.definition.nodes) await visibleNode(page, node.id);
      await expect(page.locator('.react-flow__node')).toHaveCount(version.body.definition.nodes.length);
      expect((await canvasDefinition(page)).nodes.map((node) => node.id).sort()).toEqual(version.body.definition.nodes.map((node) => node.id).sort());
    });
  });

  test('Export as XState downloads a module that imports only xstate and feelin, and its README', async ({ api, openConsoleAs }) => {
    const { body } = await api.call<{ items: { key: string; version: number }[] }>('GET', '/definitions', { as: { user: 'designer' } });
    const latest = body.items.find((item) => item.key === 'open-restaurant');
    if (latest === undefined) throw new Error("The seed published no 'open-restaurant'");
    const page = await openConsoleAs('designer');
    await page.getByTestId('toolbar-open').click();
    await page.getByTestId(`open-open-restaurant-v${latest.version}`).click();
    await expect(page.getByTestId('design-status')).toContainText('open-restaurant');
    const downloads: { name: string; text: string }[] = [];
    const collected = new Promise<void>((resolve) => {
      page.on('download', async (download) => {
        const stream = await download.createReadStream();
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        downloads.push({ name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') });
        if (downloads.length === 2) resolve();
      });
    });
    await step('the designer exports the workflow as XState', page, async () => {
      await page.getByTestId('toolbar-export').click();
      await page.getByTestId('toolbar-export-machine').click();
      await collected;
    });
    const moduleFile = downloads.find((file) => file.name === `open-restaurant-v${latest.version}.mjs`);
    const readme = downloads.find((file) => file.name === `open-restaurant-v${latest.version}.README.md`);
    expect([...(moduleFile?.text ?? '').matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]).sort()).toEqual(['feelin', 'xstate']);
    expect(moduleFile?.text).toContain('export function createCaseActor');
    expect(readme?.text).toContain(`import { createCaseActor } from './open-restaurant-v${latest.version}.mjs'`);
  });
});
