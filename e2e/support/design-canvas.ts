import { expect, type Locator, type Page } from '@playwright/test';

/** A point on the screen, in CSS pixels of the page. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** The definition on the canvas, as `window.tongbanDesigner.definition()` returns it (the fields the suite reads). */
export interface CanvasDefinition {
  key: string;
  nodes: { id: string; type: string; name: string; position: { x: number; y: number }; department?: string; level?: string }[];
  edges: { id: string; source: string; target: string; outcome?: string; condition?: string; default?: boolean }[];
}

declare global {
  interface Window {
    /** The Design screen's test hook (designer/src/design/DesignCanvas.tsx). */
    tongbanDesigner?: { definition(): unknown; screenToFlowPosition(point: ScreenPoint): ScreenPoint };
  }
}

/** Steps between pointer-down and pointer-up, so React Flow and the HTML drag see a real movement. */
const moveSteps = 12;

async function centreOf(locator: Locator): Promise<ScreenPoint> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error(`${String(locator)} has no bounding box: it is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses at `from`, moves to `to` in small steps and releases there (pitfalls B25: raw mouse, no `dragTo`). */
async function drag(page: Page, from: ScreenPoint, to: ScreenPoint): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: moveSteps });
  await page.mouse.up();
}

/** Reads the definition on the canvas through the Design screen's test hook. */
export function canvasDefinition(page: Page): Promise<CanvasDefinition> {
  return page.evaluate(() => {
    const hook = window.tongbanDesigner;
    if (hook === undefined) throw new Error('window.tongbanDesigner is missing: the Design screen is not open');
    return hook.definition() as CanvasDefinition;
  });
}

/** React Flow's screen → flow coordinates of `point`, through the test hook. */
export function flowPositionOf(page: Page, point: ScreenPoint): Promise<ScreenPoint> {
  return page.evaluate((screen) => {
    const hook = window.tongbanDesigner;
    if (hook === undefined) throw new Error('window.tongbanDesigner is missing: the Design screen is not open');
    return hook.screenToFlowPosition(screen);
  }, point);
}

/** The canvas node `id`, once React Flow has measured and shown it. */
export async function visibleNode(page: Page, id: string): Promise<Locator> {
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  await expect(node).toHaveCSS('visibility', 'visible');
  return page.getByTestId(`node-${id}`);
}

/**
 * Drags the palette item of `type` onto the canvas and drops it at `to`; returns the id of the
 * node it added (the definition has one node more, and that node is selected).
 */
export async function dropFromPalette(page: Page, type: string, to: ScreenPoint): Promise<string> {
  const before = new Set((await canvasDefinition(page)).nodes.map((node) => node.id));
  await drag(page, await centreOf(page.getByTestId(`palette-${type}`)), to);
  await expect.poll(async () => (await canvasDefinition(page)).nodes.length).toBe(before.size + 1);
  const added = (await canvasDefinition(page)).nodes.find((node) => !before.has(node.id));
  if (added === undefined) throw new Error(`Dropping a '${type}' added no node`);
  await visibleNode(page, added.id);
  return added.id;
}

/** Drags node `id` by its centre to `to` (a React Flow node drag). */
export async function moveNode(page: Page, id: string, to: ScreenPoint): Promise<void> {
  await drag(page, await centreOf(page.getByTestId(`node-${id}`)), to);
}

/** Drags from the handle with test id `from` and releases on the handle with test id `to`. */
export async function dragHandle(page: Page, from: string, to: string): Promise<void> {
  await drag(page, await centreOf(page.getByTestId(from)), await centreOf(page.getByTestId(to)));
}

/**
 * Draws an edge from the source handle of `source` to the target handle of `target`; returns the
 * id of the edge it added.
 */
export async function connect(page: Page, source: string, target: string): Promise<string> {
  const before = new Set((await canvasDefinition(page)).edges.map((edge) => edge.id));
  await dragHandle(page, `handle-${source}-out`, `handle-${target}-in`);
  await expect.poll(async () => (await canvasDefinition(page)).edges.length).toBe(before.size + 1);
  const added = (await canvasDefinition(page)).edges.find((edge) => !before.has(edge.id));
  if (added === undefined || added.source !== source || added.target !== target) {
    throw new Error(`Connecting '${source}' to '${target}' drew ${JSON.stringify(added)}`);
  }
  return added.id;
}

/** Selects node `id` with a click on it; the properties panel then shows it. */
export async function selectNode(page: Page, id: string): Promise<void> {
  await page.getByTestId(`node-${id}`).click();
  await expect(page.getByTestId('node-properties')).toHaveAttribute('data-node-id', id);
}

/**
 * Picks `label` in the antd select `select` (a combobox with options in a popup). A click that lands
 * while a popup is still opening or closing picks nothing, so the pick is tried again until the
 * select shows the label.
 */
export async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await expect(async () => {
    if (!((await select.getAttribute('class')) ?? '').includes('ant-select-open')) await select.click();
    // A searchable select lists its options in a virtual list: typing brings the one wanted into it.
    const search = select.locator('input');
    if (await search.isEditable().catch(() => false)) await search.fill(label);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click({ timeout: 5_000 });
    await expect(select).toContainText(label, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
