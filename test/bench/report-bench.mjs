#!/usr/bin/env node
/* global fetch */
// Report and server benchmark of Pesan (run from anywhere; paths are resolved from the repository root).
//
//   node test/bench/report-bench.mjs --db <analytics.duckdb> [--templates fixtures/templates/] [--requests 200]
//                                    [--runs 3] [--tz UTC]
//
// Build first (`npm run build`). On the given database (e.g. the analytics benchmark's 1,000,000 messages) it
// measures, against the targets of issue 6:
//   - `pesan report` from a cold process, wall time (median of --runs; target ≤ 2 s), and the HTML size
//     (target ≤ 2 MB for 200 templates x 90 days);
//   - `pesan serve` (in this process, ephemeral port): --requests sequential GETs spread over the five endpoints,
//     each with a filter not asked before (every template, every 7-day window, every category and combinations),
//     so that none is answered from the server's cache: p50 / p95 / max per endpoint and overall (target p95 ≤
//     150 ms); the same requests again (cached); page loads (the five endpoints at once, as the page does); and
//     the first request in another time zone (the server rebuilds its cube for it).
// The database is only read. Prints a Markdown table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pesanBin = path.join(root, 'packages', 'cli', 'bin', 'pesan.js');
const TARGETS = { reportSeconds: 2, apiP95Ms: 150, htmlBytes: 2_000_000 };

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    templates: { type: 'string' },
    requests: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    tz: { type: 'string', default: 'UTC' },
  },
});
if (!args.db) {
  console.error('usage: node test/bench/report-bench.mjs --db <analytics.duckdb> [--templates <drafts>] [--requests 200] [--runs 3] [--tz UTC]');
  process.exit(2);
}
const db = path.resolve(args.db);
const requests = Number(args.requests);
const runs = Number(args.runs);

const report = await import(pathToFileURL(path.join(root, 'packages', 'report', 'dist', 'index.js')).href);

function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function median(values) {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

// ---------------------------------------------------------------- pesan report (cold process)
const outDir = mkdtempSync(path.join(os.tmpdir(), 'pesan-report-bench-'));
const out = path.join(outDir, 'index.html');
const reportTimes = [];
for (let i = 0; i < runs; i++) {
  const cli = ['report', '--db', db, '--tz', args.tz, '--out', out, ...(args.templates ? ['--templates', args.templates] : [])];
  const start = performance.now();
  const run = spawnSync(process.execPath, [pesanBin, ...cli], { cwd: root, encoding: 'utf8' });
  reportTimes.push((performance.now() - start) / 1000);
  if (run.status !== 0) {
    console.error(`pesan report failed (exit ${run.status}): ${run.stderr}`);
    process.exit(1);
  }
}
const htmlBytes = statSync(out).size;

// In-process data assembly only (no Node start-up, no lint), to separate the queries from the rest.
const assemblyStart = performance.now();
const data = await report.buildReportData({ db, query: { tz: args.tz }, lint: null });
const assemblySeconds = (performance.now() - assemblyStart) / 1000;
const shape = {
  messages: data.summary.kpis.current.attempted,
  templates: data.templates.templates.length,
  days: data.timeseries.days.length,
};

// ---------------------------------------------------------------- pesan serve: API latency
const server = await report.startServer({ db, host: '127.0.0.1', port: 0, ...(args.templates ? { templates: args.templates } : {}) });
const endpoints = ['summary', 'templates', 'timeseries', 'failures', 'lint'];
const tzParam = `tz=${encodeURIComponent(args.tz)}`;
// Distinct filters, so that every measured request is computed (the server caches answers per filter until the
// database changes): every template x language, every 7-day window, every category, and their combinations.
const filters = [''];
const windows = [];
if (data.meta.period) {
  for (let day = data.meta.period.from; ; ) {
    const end = new Date(Date.parse(`${day}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    if (end > data.meta.period.to) break;
    windows.push(`from=${day}&to=${end}`);
    day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
}
const templateFilters = data.meta.options.templates.map((t) => `template=${encodeURIComponent(t.template)}&language=${encodeURIComponent(t.language)}`);
const categoryFilters = data.meta.options.categories.map((c) => `category=${c}`);
for (const f of [...templateFilters, ...windows, ...categoryFilters]) filters.push(f);
for (const w of windows) for (const f of [...categoryFilters, ...templateFilters]) filters.push(`${w}&${f}`);
const query = (f) => (f ? `${f}&${tzParam}` : tzParam);

async function timed(url) {
  const start = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - start;
}

// Warm-up on a filter that is not measured: the first request pays for loading modules and the rules.
for (const endpoint of endpoints) await timed(`${server.url}api/${endpoint}?${tzParam}&from=1970-01-01&to=1970-01-01`);
const byEndpoint = Object.fromEntries(endpoints.map((e) => [e, []]));
const perEndpoint = Math.ceil(requests / endpoints.length);
if (filters.length < perEndpoint) console.error(`note: only ${filters.length} distinct filters for ${perEndpoint} requests per endpoint; the rest repeat (cached)`);
for (let i = 0; i < perEndpoint; i++) {
  for (const endpoint of endpoints) byEndpoint[endpoint].push(await timed(`${server.url}api/${endpoint}?${query(filters[i % filters.length])}`));
}
// The same requests again: answered from the server's cache.
const repeated = [];
for (let i = 0; i < perEndpoint; i++) {
  for (const endpoint of endpoints) repeated.push(await timed(`${server.url}api/${endpoint}?${query(filters[i % filters.length])}`));
}
// Page loads: the five requests at once, as the page sends them, on filters not asked before.
const pageLoads = [];
for (let i = 0; i < 10; i++) {
  const filter = query(filters[(perEndpoint + i) % filters.length]);
  const start = performance.now();
  await Promise.all(endpoints.map((e) => timed(`${server.url}api/${e}?${filter}`)));
  pageLoads.push(performance.now() - start);
}
// Another time zone: the cube is rebuilt for it (once; later requests in that zone are fast again).
const otherZone = args.tz === 'UTC' ? 'Asia/Jakarta' : 'UTC';
const rebuildMs = await timed(`${server.url}api/summary?tz=${encodeURIComponent(otherZone)}`);
await server.close();
rmSync(outDir, { recursive: true, force: true });

// ---------------------------------------------------------------- results
const all = Object.values(byEndpoint).flat().sort((a, b) => a - b);
repeated.sort((a, b) => a - b);
const ms = (v) => `${v.toFixed(0)} ms`;
const verdict = (ok) => (ok ? 'ok' : '**over target**');
const lines = [
  `# Report benchmark`,
  '',
  `Database: ${path.basename(db)} · ${shape.messages.toLocaleString('en-US')} messages in the period · ${shape.templates} templates · ${shape.days} days · tz ${args.tz} · ${os.cpus().length} cores (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}) · Node ${process.version}`,
  '',
  '| Measure | Value | Target | |',
  '|---|---|---|---|',
  `| \`pesan report\` wall time, cold process (median of ${runs}) | ${median(reportTimes).toFixed(2)} s | ≤ ${TARGETS.reportSeconds} s | ${verdict(median(reportTimes) <= TARGETS.reportSeconds)} |`,
  `| data assembly in process (queries only, no lint) | ${assemblySeconds.toFixed(2)} s | | |`,
  `| HTML size | ${(htmlBytes / 1e6).toFixed(2)} MB | ≤ ${TARGETS.htmlBytes / 1e6} MB | ${verdict(htmlBytes <= TARGETS.htmlBytes)} |`,
  `| API p95 over ${all.length} sequential requests, each computed (distinct filters) | ${ms(quantile(all, 0.95))} | ≤ ${TARGETS.apiP95Ms} ms | ${verdict(quantile(all, 0.95) <= TARGETS.apiP95Ms)} |`,
  ...endpoints.map((e) => {
    const sorted = [...byEndpoint[e]].sort((a, b) => a - b);
    return `| /api/${e}: p50 / p95 / max | ${ms(quantile(sorted, 0.5))} / ${ms(quantile(sorted, 0.95))} / ${ms(sorted.at(-1))} | | |`;
  }),
  `| the same ${repeated.length} requests again (cached answers): p95 | ${ms(quantile(repeated, 0.95))} | | |`,
  `| page load (5 endpoints at once, new filters): p50 / max of ${pageLoads.length} | ${ms(median(pageLoads))} / ${ms(Math.max(...pageLoads))} | | |`,
  `| first request in another time zone (cube rebuilt) | ${ms(rebuildMs)} | | |`,
];
console.log(lines.join('\n'));
