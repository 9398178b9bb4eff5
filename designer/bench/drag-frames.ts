import { validate } from '@tongban/engine';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseArgs } from 'node:util';
import { FigureSink } from '@tongban/bench';
import { frameStatistics, type FrameStatistics } from './frame-statistics.ts';
import { parallelChainDefinition } from './parallel-chain-definition.ts';
import { startTongban, type RunningTongban } from './tongban-system.ts';

/** Debian's Chromium; the bench never downloads a browser. */
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-gpu'];
const viewport = { width: 1440, height: 900 };

/** The demo designer (password of every demo user). */
const designer = { username: 'designer', password: 'tongban123' };

/** Pixels the pointer moves per step of a drag, and how far it swings either side of the grab point. */
const stepPx = 2;
const swingPx = 120;

/** Milliseconds of the unmeasured drag before each scenario's runs, and of rest between runs. */
const warmUpMs = 500;
const restMs = 1000;

/** What one measured drag recorded. */
interface DragRecord {
  /** Milliseconds between consecutive `requestAnimationFrame` callbacks during the drag. */
  frameTimesMs: number[];
  /** Long animation frames (over 50 ms) the browser reported during the drag. */
  longFrames: number;
  /** Pointer moves sent. */
  moves: number;
  /** Milliseconds from pointer-down to pointer-up. */
  elapsedMs: number;
}

/** Where the canvas stands for a scenario. */
interface Scenario {
  title: string;
  prepare(page: Page, nodeId: string): Promise<void>;
}

/** Installed in the page before any script: a recorder of rAF deltas and long animation frames. */
const frameRecorderScript = `
window.benchFrameRecorder = (() => {
  let frames = [];
  let longFrames = 0;
  let last = null;
  let running = false;
  const tick = (now) => {
    if (!running) return;
    if (last !== null) frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  new PerformanceObserver((list) => {
    if (running) longFrames += list.getEntries().length;
  }).observe({ type: 'long-animation-frame' });
  return {
    start() {
      frames = [];
      longFrames = 0;
      last = null;
      running = true;
      requestAnimationFrame(tick);
    },
    stop() {
      running = false;
      return { frames, longFrames };
    },
  };
})();
`;

/** What {@link frameRecorderScript} puts on `window`. */
interface FrameRecorder {
  start(): void;
  stop(): { frames: number[]; longFrames: number };
}

declare global {
  interface Window {
    benchFrameRecorder?: FrameRecorder;
  }
}

/** The centre of node `id` on the screen, in CSS pixels. */
async function nodeCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId(`node-${id}`).boundingBox();
  if (box === null) throw new Error(`Node '${id}' is not on the screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The current zoom of the canvas, read from the transform of React Flow's viewport. */
async function canvasZoom(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((element) => getComputedStyle(element).transform);
  const scale = /^matrix\(([-\d.e]+)/.exec(transform)?.[1];
  return scale === undefined ? 1 : Number(scale);
}

/** Waits until the canvas zoom has stayed the same for `quietMs` (a fit or zoom animation ended). */
async function settle(page: Page, quietMs = 400): Promise<void> {
  let previous = await canvasZoom(page);
  for (;;) {
    await page.waitForTimeout(quietMs);
    const zoom = await canvasZoom(page);
    if (zoom === previous) return;
    previous = zoom;
  }
}

/** Milliseconds between two pointer moves: a mouse reporting at 125 Hz, whatever the page's frame rate. */
const moveIntervalMs = 8;

/**
 * Presses on node `id`, swings it left and right around its place in moves of {@link stepPx}
 * every {@link moveIntervalMs} for `durationMs`, and releases it where it was grabbed; records
 * frame times throughout. The moves go through the DevTools protocol without waiting for each to
 * be handled (as a real mouse does not wait), so a slow page gets its moves queued and coalesced
 * instead of fewer of them.
 */
async function dragNode(page: Page, id: string, durationMs: number): Promise<DragRecord> {
  const from = await nodeCentre(page, id);
  const cdp = await page.context().newCDPSession(page);
  const mouse = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', x: number, y: number) =>
    cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1 });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: from.x, y: from.y });
  await page.evaluate(() => window.benchFrameRecorder?.start());
  await mouse('mousePressed', from.x, from.y);
  const started = performance.now();
  const sent: Promise<unknown>[] = [];
  let offset = 0;
  let direction = 1;
  while (performance.now() - started < durationMs) {
    if (Math.abs(offset + direction * stepPx) > swingPx) direction = -direction;
    offset += direction * stepPx;
    sent.push(mouse('mouseMoved', from.x + offset, from.y + offset / 4));
    await new Promise((resolve) => setTimeout(resolve, moveIntervalMs));
  }
  sent.push(mouse('mouseMoved', from.x, from.y));
  await Promise.all(sent);
  await mouse('mouseReleased', from.x, from.y);
  const elapsedMs = performance.now() - started;
  const recorded = await page.evaluate(() => window.benchFrameRecorder?.stop());
  await cdp.detach();
  if (recorded === undefined) throw new Error('window.benchFrameRecorder is missing: the init script did not run');
  return { frameTimesMs: recorded.frames, longFrames: recorded.longFrames, moves: sent.length, elapsedMs };
}

/** Signs the demo designer in through the login form and opens the Design screen. */
async function openDesign(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/login?next=%2Fdesign`);
  await page.getByTestId('login-username').fill(designer.username);
  await page.getByTestId('login-password').fill(designer.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('design-page').waitFor();
}

/** Imports `definition` through the toolbar's import (a JSON file), as a designer would. */
async function importDefinition(page: Page, definition: ReturnType<typeof parallelChainDefinition>): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({
    name: `${definition.key}.definition.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(definition)),
  });
  await page.waitForFunction(
    // The Design screen's test hook (src/design/DesignCanvas.tsx).
    (count) => (window as { tongbanDesigner?: { definition(): { nodes: unknown[] } } }).tongbanDesigner?.definition().nodes.length === count,
    definition.nodes.length,
  );
  await page.locator('.react-flow__node').first().waitFor();
  await settle(page);
}

const scenarios: Scenario[] = [
  {
    title: 'whole graph in view (fit)',
    async prepare(page) {
      await page.getByTestId('toolbar-fit').click();
      await settle(page);
    },
  },
  {
    title: 'zoomed in to 100 % (part in view)',
    async prepare(page, nodeId) {
      const at = await nodeCentre(page, nodeId);
      await page.mouse.move(at.x, at.y);
      for (let turn = 0; turn < 40 && (await canvasZoom(page)) < 1; turn += 1) {
        await page.mouse.wheel(0, -120);
        await page.waitForTimeout(50);
      }
      await settle(page);
    },
  },
];

function format(value: number, digits = 1): string {
  return Number.isNaN(value) ? '–' : value.toFixed(digits);
}

function statisticsLine(label: string, stats: FrameStatistics, extra: string): string {
  return (
    `${label.padEnd(9)} frames ${String(stats.frames).padStart(4)}  ` +
    `median ${format(stats.medianMs).padStart(6)} ms  min ${format(stats.minMs).padStart(6)}  max ${format(stats.maxMs).padStart(6)}  ` +
    `p95 ${format(stats.p95Ms).padStart(6)}  ${format(stats.fps).padStart(5)} fps  ${extra}`
  );
}

/** Hands the figures to the suite runner (`npm run bench` at the root) when it runs this. */
const sink = new FigureSink();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'duration-ms': { type: 'string', default: '2000' },
      nodes: { type: 'string', default: '500' },
    },
  });
  const runs = Number(values.runs);
  const durationMs = Number(values['duration-ms']);
  const definition = parallelChainDefinition(Number(values.nodes));
  const errors = validate(definition).filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`The generated definition '${definition.key}' is invalid: ${errors.map((d) => d.message).join('; ')}`);
  const blocks = definition.nodes.filter((node) => node.type === 'parallelGateway').length / 2;
  const dragged = `task-${Math.ceil(blocks / 2)}-2`;

  let system: RunningTongban | undefined;
  let browser: Browser | undefined;
  const onSignal = () => {
    void Promise.allSettled([browser?.close(), system?.stop()]).then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    process.stdout.write('Starting Tongban (virtual clock, temporary data folder)…\n');
    system = await startTongban();
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript({ content: frameRecorderScript });
    const page = await context.newPage();
    await openDesign(page, system.url);
    await importDefinition(page, definition);

    process.stdout.write(
      `\nDesign canvas: drag node '${dragged}' of '${definition.key}' (${definition.nodes.length} nodes, ${definition.edges.length} edges)\n` +
        `Chromium ${browser.version()}, headless, ${viewport.width}×${viewport.height}, production build served by tongban start\n` +
        `${runs} runs of ${durationMs} ms per scenario, moves of ${stepPx} px; frame time = requestAnimationFrame delta\n`,
    );
    for (const scenario of scenarios) {
      await scenario.prepare(page, dragged);
      const rendered = await page.locator('.react-flow__node').count();
      const zoom = await canvasZoom(page);
      process.stdout.write(`\n${scenario.title}: zoom ${format(zoom, 2)}, ${rendered} nodes rendered\n`);
      await dragNode(page, dragged, warmUpMs);
      await page.waitForTimeout(restMs);
      const records: DragRecord[] = [];
      for (let run = 1; run <= runs; run += 1) {
        const record = await dragNode(page, dragged, durationMs);
        records.push(record);
        const movesPerSecond = (record.moves * 1000) / record.elapsedMs;
        process.stdout.write(`${statisticsLine(`  run ${run}`, frameStatistics(record.frameTimesMs), `long frames ${record.longFrames}, ${format(movesPerSecond, 0)} moves/s`)}\n`);
        await page.waitForTimeout(restMs);
      }
      const all = frameStatistics(records.flatMap((record) => record.frameTimesMs));
      const longFrames = records.reduce((sum, record) => sum + record.longFrames, 0);
      process.stdout.write(`${statisticsLine('  all', all, `long frames ${longFrames}, runs ${records.length}`)}\n`);
      const perRun = records.map((record) => frameStatistics(record.frameTimesMs));
      sink.add({ name: `${scenario.title}: median frame time`, unit: 'ms', better: 'lower', samples: perRun.map((r) => r.medianMs), note: 'one sample per drag: the median of its frame times; 16.7 ms is 60 Hz' });
      sink.add({ name: `${scenario.title}: p95 frame time`, unit: 'ms', better: 'lower', samples: perRun.map((r) => r.p95Ms) });
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await browser?.close();
    await system?.stop();
  }
}

await main();
