import type { SimulationReport } from './simulation-report.ts';

/** What {@link renderHtmlReport} puts on the page. */
export interface HtmlReportInput {
  /** One report per workflow simulated, in the order they ran. */
  reports: readonly SimulationReport[];
  /** When the page was written (ISO 8601), shown on it. */
  generatedAt: string;
  /** The source of `echarts/dist/echarts.min.js`, inlined so the page works offline. */
  echarts: string;
}

/** Labels of the page, in Simplified Chinese (the default) and English (`?lang=en` or the switch). */
const LABELS = {
  zh: {
    title: 'Tongban 仿真报告',
    generated: '生成时间',
    switchTo: 'English',
    summary: '各流程概况',
    workflow: '流程',
    cases: '案件数',
    results: '办结结果',
    medianDays: '办理用时中位数（工作日）',
    p95Days: '办理用时 P95（工作日）',
    escalated: '督办任务',
    clock: '虚拟时钟',
    perCase: '每件案件的办理用时（工作日，从受理到办结）',
    perCaseHint: '每个流程的案件按办理用时分组的件数',
    perStep: '各环节办理用时（工作日）',
    median: '中位数',
    p95: 'P95',
    limits: '各部门法定时限执行情况',
    met: '按时办结',
    breached: '超时办结',
    openOverdue: '未办结且已逾期',
    waited: '案件在哪里等待（各环节累计工作日，前 15 位）',
    waitedDays: '累计工作日',
    escalations: '督办与计时器',
    escalatedTasks: '被督办的任务',
    notices: '督办通知',
    atRisk: '承诺时限预警',
    breaches: '法定时限届满',
    days: '工作日',
    count: '件数',
    result: { approved: '准予', rejected: '不予', answeredAtIntake: '直接办结', closed: '办结归档', withdrawn: '撤回', unfinished: '未办结' },
  },
  en: {
    title: 'Tongban simulation report',
    generated: 'Generated',
    switchTo: '中文',
    summary: 'Workflows at a glance',
    workflow: 'Workflow',
    cases: 'Cases',
    results: 'Results',
    medianDays: 'Median working days per case',
    p95Days: 'P95 working days per case',
    escalated: 'Escalated tasks',
    clock: 'Virtual clock',
    perCase: 'Working days per case (filed to completed)',
    perCaseHint: 'Cases of each workflow by the working days they took',
    perStep: 'Working days per step',
    median: 'median',
    p95: 'p95',
    limits: 'Statutory limits per department',
    met: 'met',
    breached: 'breached',
    openOverdue: 'open and overdue',
    waited: 'Where cases waited (working days summed per step, top 15)',
    waitedDays: 'working days',
    escalations: 'Escalations and timers',
    escalatedTasks: 'escalated tasks',
    notices: 'escalation notices',
    atRisk: 'promised limit passed',
    breaches: 'statutory limit passed',
    days: 'working days',
    count: 'cases',
    result: { approved: 'approved', rejected: 'rejected', answeredAtIntake: 'answered at intake', closed: 'closed', withdrawn: 'withdrawn', unfinished: 'unfinished' },
  },
} as const;

/**
 * The simulation report as one self-contained HTML page with ECharts charts, in Simplified
 * Chinese and English (a switch; `?lang=en` opens it in English): a summary table per workflow,
 * working days per case (a histogram per workflow), working days per step (median and p95, one
 * chart per workflow), statutory limits met and breached per department, where cases waited (the
 * steps with the most working days summed), and escalations and timers per workflow. The reports
 * are embedded as JSON (`<script id="report-data">`), which is what the charts draw.
 *
 * Pure: performs no I/O.
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const data = safeJson({ reports: input.reports, generatedAt: input.generatedAt, labels: LABELS });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tongban 仿真报告 · simulation report</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1 data-label="title"></h1><span id="generated"></span><button id="lang" type="button" data-testid="language-switch"></button></header>
<main>
<section><h2 data-label="summary"></h2><table id="summary" data-testid="summary-table"></table></section>
<section><h2 data-label="perCase"></h2><p class="hint" data-label="perCaseHint"></p><div class="chart" id="chart-cases" data-testid="chart-cases"></div></section>
<section><h2 data-label="perStep"></h2><div id="chart-steps" class="grid"></div></section>
<section><h2 data-label="limits"></h2><div class="chart" id="chart-limits" data-testid="chart-limits"></div></section>
<section><h2 data-label="waited"></h2><div class="chart" id="chart-waited" data-testid="chart-waited"></div></section>
<section><h2 data-label="escalations"></h2><div class="chart" id="chart-escalations" data-testid="chart-escalations"></div></section>
</main>
<script id="report-data" type="application/json">${data}</script>
<script>${input.echarts}</script>
<script>${CLIENT}</script>
</body>
</html>
`;
}

/** JSON that can sit inside a `<script>` element: `<` escaped, so no `</script>` ends it early. */
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLE = `
body{margin:0;font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;color:#1f2937;background:#f5f7fa}
header{display:flex;align-items:baseline;gap:16px;padding:16px 24px;background:#fff;border-bottom:1px solid #e5e7eb}
header h1{font-size:22px;margin:0}#generated{color:#6b7280;font-size:13px;flex:1}
button{font:inherit;padding:4px 12px;border:1px solid #d1d5db;border-radius:4px;background:#fff;cursor:pointer}
main{padding:16px 24px;display:flex;flex-direction:column;gap:16px}
section{background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:12px 16px}
h2{font-size:16px;margin:4px 0 8px}.hint{color:#6b7280;font-size:13px;margin:0 0 8px}
.chart{height:360px}.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:12px}
.grid .chart{border:1px solid #f0f0f0;border-radius:4px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eef0f3;padding:6px 8px;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
`;

/** The page's script: reads the embedded reports and draws the table and the charts in the chosen language. */
const CLIENT = `
(function () {
  var input = JSON.parse(document.getElementById('report-data').textContent);
  var reports = input.reports;
  var lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  var charts = [];
  function t(key) { return input.labels[lang][key]; }
  function name(r) { return lang === 'en' ? r.workflow.key : r.workflow.name; }
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
  function chart(node, option) { var c = echarts.init(node, null, { renderer: 'svg' }); c.setOption(option); charts.push(c); return c; }
  var palette = ['#2f6fde', '#e8684a', '#5b8ff9', '#61ddaa', '#f6bd16', '#7262fd', '#78d3f8'];
  function draw() {
    charts.forEach(function (c) { c.dispose(); }); charts = [];
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-label]').forEach(function (n) { n.textContent = t(n.getAttribute('data-label')); });
    document.getElementById('generated').textContent = t('generated') + ' ' + input.generatedAt;
    document.getElementById('lang').textContent = t('switchTo');
    var table = document.getElementById('summary'); table.innerHTML = '';
    var head = el('tr');
    [['workflow', ''], ['cases', 'n'], ['results', ''], ['medianDays', 'n'], ['p95Days', 'n'], ['escalated', 'n'], ['clock', '']].forEach(function (h) { head.appendChild(el('th', t(h[0]), h[1])); });
    table.appendChild(head);
    reports.forEach(function (r) {
      var tr = el('tr');
      tr.appendChild(el('td', name(r)));
      tr.appendChild(el('td', String(r.cases.filed), 'n'));
      tr.appendChild(el('td', Object.keys(r.cases.byResult).map(function (k) { return (t('result')[k] || k) + ' ' + r.cases.byResult[k]; }).join(' · ')));
      tr.appendChild(el('td', r.cases.workingDays.median === null ? '-' : r.cases.workingDays.median.toFixed(2), 'n'));
      tr.appendChild(el('td', r.cases.workingDays.p95 === null ? '-' : r.cases.workingDays.p95.toFixed(2), 'n'));
      tr.appendChild(el('td', String(r.escalations.tasks), 'n'));
      tr.appendChild(el('td', r.run.clockStart.slice(0, 10) + ' → ' + r.run.clockEnd.slice(0, 10)));
      table.appendChild(tr);
    });

    var longest = Math.max.apply(null, reports.map(function (r) { return r.cases.workingDaysHistogram.length; }).concat([1]));
    var buckets = []; for (var i = 0; i < longest; i++) buckets.push(i + '–' + (i + 1));
    chart(document.getElementById('chart-cases'), {
      color: palette, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 16, top: 48, bottom: 48 },
      xAxis: { type: 'category', data: buckets, name: t('days'), nameLocation: 'middle', nameGap: 30 },
      yAxis: { type: 'value', name: t('count') },
      series: reports.map(function (r) { return { name: name(r), type: 'bar', data: buckets.map(function (_, i) { return r.cases.workingDaysHistogram[i] || 0; }) }; }),
    });

    var grid = document.getElementById('chart-steps'); grid.innerHTML = '';
    reports.forEach(function (r) {
      var steps = r.steps.filter(function (s) { return s.workingDays.count > 0; });
      var box = el('div', undefined, 'chart'); box.setAttribute('data-testid', 'chart-steps-' + r.workflow.key);
      box.style.height = Math.max(220, 60 + steps.length * 28) + 'px';
      grid.appendChild(box);
      chart(box, {
        title: { text: name(r), textStyle: { fontSize: 14 } }, color: ['#2f6fde', '#e8684a'], tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0, right: 8 }, grid: { left: 180, right: 24, top: 40, bottom: 24 },
        xAxis: { type: 'value', name: t('days') },
        yAxis: { type: 'category', inverse: true, data: steps.map(function (s) { return lang === 'en' ? s.nodeId : s.name; }), axisLabel: { width: 170, overflow: 'truncate' } },
        series: [
          { name: t('median'), type: 'bar', data: steps.map(function (s) { return s.workingDays.median; }) },
          { name: t('p95'), type: 'bar', data: steps.map(function (s) { return s.workingDays.p95; }) },
        ],
      });
    });

    var byDepartment = {};
    reports.forEach(function (r) { r.departments.forEach(function (d) {
      var x = byDepartment[d.departmentId] || (byDepartment[d.departmentId] = { name: d.name, met: 0, breached: 0, openOverdue: 0 });
      x.met += d.met; x.breached += d.breached; x.openOverdue += d.openOverdue;
    }); });
    var ids = Object.keys(byDepartment).sort();
    var limits = document.getElementById('chart-limits');
    limits.style.height = (80 + ids.length * 22) + 'px';
    chart(limits, {
      color: ['#61ddaa', '#e8684a', '#f6bd16'], tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { top: 0 },
      grid: { left: 230, right: 24, top: 36, bottom: 24 }, xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: ids.map(function (id) { return lang === 'en' ? id : byDepartment[id].name; }), axisLabel: { width: 220, overflow: 'truncate', fontSize: 11 } },
      series: ['met', 'breached', 'openOverdue'].map(function (k) { return { name: t(k), type: 'bar', stack: 'limits', data: ids.map(function (id) { return byDepartment[id][k]; }) }; }),
    });

    var waits = [];
    reports.forEach(function (r) { r.steps.forEach(function (s) { if (s.totalWorkingDays > 0) waits.push({ label: name(r) + ' · ' + (lang === 'en' ? s.nodeId : s.name), days: s.totalWorkingDays }); }); });
    waits.sort(function (a, b) { return b.days - a.days; }); waits = waits.slice(0, 15);
    chart(document.getElementById('chart-waited'), {
      color: ['#5b8ff9'], tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 300, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value', name: t('waitedDays') },
      yAxis: { type: 'category', inverse: true, data: waits.map(function (w) { return w.label; }), axisLabel: { width: 290, overflow: 'truncate', fontSize: 11 } },
      series: [{ name: t('waitedDays'), type: 'bar', data: waits.map(function (w) { return w.days; }) }],
    });

    chart(document.getElementById('chart-escalations'), {
      color: ['#e8684a', '#f6bd16', '#7262fd', '#78d3f8'], tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: reports.map(name), axisLabel: { interval: 0, rotate: lang === 'en' ? 20 : 0 } }, yAxis: { type: 'value' },
      series: [
        { name: t('escalatedTasks'), type: 'bar', data: reports.map(function (r) { return r.escalations.tasks; }) },
        { name: t('notices'), type: 'bar', data: reports.map(function (r) { return r.escalations.notices; }) },
        { name: t('atRisk'), type: 'bar', data: reports.map(function (r) { return r.timersFired.taskAtRisk || 0; }) },
        { name: t('breaches'), type: 'bar', data: reports.map(function (r) { return r.timersFired.taskBreach || 0; }) },
      ],
    });
  }
  document.getElementById('lang').addEventListener('click', function () {
    lang = lang === 'en' ? 'zh' : 'en';
    var url = new URL(location.href); if (lang === 'en') url.searchParams.set('lang', 'en'); else url.searchParams.delete('lang');
    history.replaceState(null, '', url.toString());
    draw();
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  draw();
  document.body.setAttribute('data-rendered', 'true');
})();
`;
