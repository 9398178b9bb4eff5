import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { renderHtmlReport } from './html-report.ts';
import type { SimulationReport } from './simulation-report.ts';

/**
 * Writes `reports` to `file` as the HTML page of {@link renderHtmlReport}, with the ECharts build
 * the console uses (`echarts/dist/echarts.min.js`) inlined, so the page opens offline.
 */
export async function writeHtmlReport(file: string, reports: readonly SimulationReport[], generatedAt: Date): Promise<void> {
  const echarts = await readFile(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8');
  await writeFile(file, renderHtmlReport({ reports, generatedAt: generatedAt.toISOString(), echarts }), 'utf8');
}
