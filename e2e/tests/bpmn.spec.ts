import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Download, Locator, Page } from '@playwright/test';
import { canvasDefinition, visibleNode, type CanvasDefinition } from '../support/design-canvas.ts';
import { documentScreen } from '../support/doc-screenshots.ts';
import { step } from '../support/steps.ts';
import { expect, test } from '../support/test.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** A Camunda Modeler drawing: a script task, Camunda attributes and form data, a 9999-day timer on the survey. */
const camundaDrawing = fixture('outdoor-advertising.camunda.bpmn');
/** A generated process without diagram data (no BPMN DI). */
const withoutDiagram = fixture('birth-registration.no-diagram.bpmn');
/** Not BPMN at all: a workflow definition in JSON, picked by mistake. */
const notBpmn = fixture('joint-review.json');

/** The nodes the drawing's BPMN elements become (the script task `fee` is left out). */
const drawnNodes = ['apply', 'accept', 'size', 'survey', 'decide', 'granted', 'lapsed'];

/** Picks `file` in the file chooser the toolbar's 导入 → 导入 BPMN opens. */
async function importBpmnFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('toolbar-import-menu').click();
  await page.getByTestId('toolbar-import-bpmn').click();
  await (await chooser).setFiles(file);
}

/** Fits the diagram into the canvas (the README's screenshots are smaller than the test's window) and waits until the viewport stops moving. */
async function fitCanvas(page: Page): Promise<void> {
  await page.getByTestId('toolbar-fit').click();
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(async () => {
      const now = await viewport.evaluate((element) => (element as HTMLElement).style.transform);
      const settled = now === last;
      last = now;
      return settled;
    })
    .toBe(true);
  // The pointer leaves the button, so it is not drawn hovered.
  await page.mouse.move(0, 0);
}

/** The finding of the import report with `code` about BPMN element `elementId`. */
function finding(page: Page, code: string, elementId: string): Locator {
  return page.getByTestId('bpmn-import-report').locator(`[data-testid="bpmn-finding"][data-code="${code}"][data-element-id="${elementId}"]`);
}

/** A box on the screen, in CSS pixels. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two screen boxes overlap. */
function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Ids, types, names and positions of the canvas's nodes, and the ends of its edges: what a BPMN round trip keeps. */
function drawing(definition: CanvasDefinition) {
  return {
    nodes: definition.nodes.map(({ id, type, name, position }) => ({ id, type, name, position })),
    edges: definition.edges.map(({ id, source, target }) => ({ id, source, target })),
  };
}

test.describe('BPMN in the console', () => {
  test('a designer imports a Camunda drawing, sees what was left out on the way, and exports it back as BPMN that imports to the same nodes', async ({
    openConsoleAs,
  }, testInfo) => {
    test.slow();
    const page = await openConsoleAs('designer');
    const report = page.getByTestId('bpmn-import-report');

    await step('the designer has an unsaved change on the canvas', page, async () => {
      await visibleNode(page, 'start');
      await page.getByTestId('def-name').fill('未保存的草图');
      await expect(page.getByTestId('design-status')).toContainText('有未保存的修改');
    });

    await step('a file that is not BPMN is refused with the reason, and the canvas keeps its drawing', page, async () => {
      const before = await canvasDefinition(page);
      await importBpmnFile(page, notBpmn);
      await expect(page.locator('.ant-message')).toContainText('无法导入 joint-review.json');
      await expect(report.getByTestId('bpmn-import-outcome')).toHaveText('未导入任何内容，画布保持不变。');
      await expect(report.getByTestId('bpmn-finding')).toHaveCount(1);
      const error = report.getByTestId('bpmn-finding');
      await expect(error).toHaveAttribute('data-code', 'bpmn-unreadable-xml');
      await expect(error).toHaveAttribute('data-severity', 'error');
      await expect(error).toContainText('文件不是 BPMN 2.0 XML，无法读取');
      expect(await canvasDefinition(page)).toEqual(before);
      await expect(page.getByTestId('design-status')).toContainText('有未保存的修改');
    });

    await step('importing the drawing asks first; cancelled, the unsaved drawing stays', page, async () => {
      await importBpmnFile(page, camundaDrawing);
      await expect(page.locator('.ant-modal-confirm')).toContainText('放弃未保存的修改？');
      await page.getByTestId('bpmn-discard-cancel').click();
      await expect(page.locator('.ant-modal-confirm')).toHaveCount(0);
      expect((await canvasDefinition(page)).nodes.map((node) => node.id)).toEqual(['start']);
      await expect(page.getByTestId('design-title')).toHaveText('未保存的草图');
    });

    await step('confirmed, the drawing replaces the canvas as a new unsaved drawing, every node in view', page, async () => {
      await importBpmnFile(page, camundaDrawing);
      await page.getByTestId('bpmn-discard-confirm').click();
      await expect(report.getByTestId('bpmn-import-outcome')).toHaveText('已导入为新的未保存流程“户外广告设施设置审批”：7 个节点，6 条连线。');
      await expect(page.getByTestId('design-title')).toHaveText('户外广告设施设置审批');
      await expect(page.getByTestId('design-status')).toContainText('已导入 outdoor-advertising');
      for (const id of drawnNodes) await expect(await visibleNode(page, id)).toBeInViewport();
      const imported = await canvasDefinition(page);
      expect(imported.nodes.map((node) => node.id)).toEqual(drawnNodes);
      // The 100 × 80 task of the drawing at (660, 40) is drawn 176 × 84 about the same centre.
      expect(imported.nodes.find((node) => node.id === 'survey')?.position).toEqual({ x: 622, y: 38 });
    });

    await step('the report names the element and the attributes left out, and the timer longer than the calendar counts', page, async () => {
      await expect(finding(page, 'bpmn-unsupported-element', 'fee')).toHaveText('脚本任务“fee”（计算设置费）未导入：通办不运行脚本');
      await expect(finding(page, 'bpmn-dropped-flow', 'accept--fee')).toHaveText('顺序流“accept--fee”未导入：它的终点“fee”没有导入');
      await expect(finding(page, 'bpmn-foreign-attribute', 'accept')).toHaveText('用户任务“accept”的属性 camunda:assignee="window-clerk" 来自其他工具，通办不读取，已忽略');
      await expect(finding(page, 'bpmn-foreign-attribute', 'Outdoor_Advertising')).toContainText('camunda:historyTimeToLive="180"');
      await expect(finding(page, 'bpmn-foreign-extension', 'accept')).toContainText('<camunda:formData>');
      await expect(finding(page, 'bpmn-duration-too-long', 'survey-overdue')).toHaveText(
        '边界事件“survey-overdue”的法定时限为 9999 个自然日，超过工作日历可计算的最长时限 3650 个自然日（十年）；已保留，发布前请缩短',
      );
      await expect(page.getByTestId('diagnostics-list').locator('[data-code="duration-not-countable"][data-node-id="survey"]')).toBeVisible();
      await documentScreen(page, 'design-bpmn-import', () => fitCanvas(page));
    });

    await step('the report says the same in English', page, async () => {
      await page.getByTestId('language-switch').getByText('EN').click();
      await expect(finding(page, 'bpmn-unsupported-element', 'fee')).toHaveText("Script task 'fee' ('计算设置费') is not imported: Tongban runs no scripts");
      await expect(finding(page, 'bpmn-foreign-attribute', 'accept')).toHaveText(
        'User task \'accept\' has camunda:assignee="window-clerk", another tool\'s attribute Tongban does not read; it is left out',
      );
      await expect(finding(page, 'bpmn-duration-too-long', 'survey-overdue')).toHaveText(
        "The statutory limit of boundary event 'survey-overdue' is 9999 calendar days, longer than the 3650 calendar days (ten years) the calendar counts; it is kept, shorten it before publishing",
      );
      await page.getByTestId('language-switch').getByText('中文').click();
    });

    await step('a finding about an imported task selects it on the canvas', page, async () => {
      await finding(page, 'bpmn-foreign-attribute', 'accept').click();
      await page.getByTestId('tab-properties').click();
      await expect(page.getByTestId('node-properties')).toHaveAttribute('data-node-id', 'accept');
    });

    let exported: Download | undefined;
    await step('导出 BPMN downloads the drawing with its diagram', page, async () => {
      const download = page.waitForEvent('download');
      await page.getByTestId('toolbar-export').click();
      await page.getByTestId('toolbar-export-bpmn').click();
      exported = await download;
      expect(exported.suggestedFilename()).toBe('outdoor-advertising.bpmn');
    });
    const saved = testInfo.outputPath('outdoor-advertising.bpmn');
    await exported!.saveAs(saved);
    const xml = readFileSync(saved, 'utf8');
    for (const id of drawnNodes) expect(xml).toContain(`<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"`);
    expect(xml).not.toContain('camunda:');

    await step('the downloaded file imports back to the same nodes, edges and positions, with nothing left out; the canvas had no unsaved change, so nothing is asked', page, async () => {
      await expect(page.getByTestId('design-status')).not.toContainText('有未保存的修改');
      const before = drawing(await canvasDefinition(page));
      await importBpmnFile(page, saved);
      await expect(report.getByTestId('bpmn-import-title')).toHaveText('BPMN 导入：outdoor-advertising.bpmn');
      await expect(report.getByTestId('bpmn-import-outcome')).toHaveText('已导入为新的未保存流程“户外广告设施设置审批”：7 个节点，6 条连线。');
      await expect(report.locator('[data-code="bpmn-unsupported-element"], [data-code^="bpmn-foreign"], [data-code="bpmn-missing-layout"]')).toHaveCount(0);
      await expect(page.locator('.ant-modal-confirm')).toHaveCount(0);
      expect(drawing(await canvasDefinition(page))).toEqual(before);
    });
  });

  test('a BPMN file without diagram data is laid out automatically, and the report says so', async ({ openConsoleAs }) => {
    const page = await openConsoleAs('designer');
    const report = page.getByTestId('bpmn-import-report');
    const ids = ['apply', 'accept', 'fork', 'insurance', 'allowance', 'join', 'done'];

    await step('the designer imports the generated process; nothing unsaved, so nothing is asked', page, async () => {
      await visibleNode(page, 'start');
      await importBpmnFile(page, withoutDiagram);
      await expect(report.getByTestId('bpmn-import-laid-out')).toHaveText('文件没有图形数据（BPMN DI），节点已自动布局。');
      await expect(page.locator('.ant-modal-confirm')).toHaveCount(0);
      await expect(report.getByTestId('bpmn-import-warning-count')).toHaveText('0 个警告');
      await report.getByTestId('bpmn-import-notes').click();
      for (const id of ids) await expect(report.locator(`[data-code="bpmn-missing-layout"][data-node-id="${id}"]`)).toHaveText(/在图中没有图形，已自动布局$/);
    });

    await step('every node is on the canvas, none on top of another, the flow read left to right', page, async () => {
      const boxes: Box[] = [];
      for (const id of ids) {
        const node = await visibleNode(page, id);
        await expect(node).toBeInViewport();
        const box = await node.boundingBox();
        if (box === null) throw new Error(`Node '${id}' has no box`);
        boxes.push(box);
      }
      for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
      const x = (id: string) => boxes[ids.indexOf(id)]!.x;
      expect(x('apply')).toBeLessThan(x('accept'));
      expect(x('accept')).toBeLessThan(x('fork'));
      expect(x('fork')).toBeLessThan(Math.min(x('insurance'), x('allowance')));
      expect(Math.max(x('insurance'), x('allowance'))).toBeLessThan(x('join'));
      expect(x('join')).toBeLessThan(x('done'));
      await expect(page.getByTestId('diagnostics-error-count')).toHaveText('0 个错误');
      await documentScreen(page, 'design-bpmn-layout', () => fitCanvas(page));
    });
  });
});
