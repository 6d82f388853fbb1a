import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFINITIONS } from '../definitions.js';
import type { ReportData } from '../model.js';
import { assertInlineSafe, escapeHtml, jsonForScript } from './escape.js';

/** `file`: one self-contained file with the data embedded. `server`: the page `pesan serve` answers; it fetches /api/*. */
export type PageMode = 'file' | 'server';

export const ASSETS_DIR = fileURLToPath(new URL('../../assets/', import.meta.url));

interface Assets {
  chartJs: string;
  clientJs: string;
  css: string;
}

let assets: Assets | undefined;

/** chart.js (UMD build, from node_modules), the page script and the stylesheet, read once. */
function loadAssets(): Assets {
  if (assets) return assets;
  // chart.js exports no subpath for its UMD file: find it next to the package's main module.
  const chartDir = path.dirname(fileURLToPath(import.meta.resolve('chart.js')));
  const chartJs = readFileSync(path.join(chartDir, 'chart.umd.min.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  assets = {
    chartJs: assertInlineSafe('chart.js', chartJs),
    clientJs: assertInlineSafe('client.js', readFileSync(path.join(ASSETS_DIR, 'client.js'), 'utf8')),
    css: readFileSync(path.join(ASSETS_DIR, 'report.css'), 'utf8'),
  };
  return assets;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy of the page: nothing may load from anywhere (default-src 'none'); only the two inline
 * scripts and the one inline stylesheet of this exact page run (hash-listed, so an injected <script> or <style> would
 * not); the served page may fetch its own API and nothing else. The server sends the same policy as a header, with
 * frame-ancestors (which a meta tag cannot carry).
 */
export function contentSecurityPolicy(mode: PageMode): string {
  const { chartJs, clientJs, css } = loadAssets();
  return [
    "default-src 'none'",
    `script-src ${sha256(chartJs)} ${sha256(clientJs)}`,
    `style-src ${sha256(css)}`,
    // chart.js draws on canvas; the page creates no image, but data: keeps a browser's own icons working offline
    'img-src data:',
    `connect-src ${mode === 'server' ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface PageOptions {
  mode: PageMode;
  /** Embedded data (the static report). The served page leaves it out and fetches the API. */
  data?: ReportData;
  title?: string;
}

/** The whole HTML page. Every data-driven part is filled in by the page script with textContent (never innerHTML). */
export function renderPage(options: PageOptions): string {
  const { chartJs, clientJs, css } = loadAssets();
  const config = { mode: options.mode, definitions: DEFINITIONS };
  const title = options.title ?? 'Pesan: WhatsApp template report';
  const dataBlock = options.data ? `<script type="application/json" id="pesan-data">${jsonForScript(options.data)}</script>\n` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options.mode))}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${body(title)}
<script type="application/json" id="pesan-config">${jsonForScript(config)}</script>
${dataBlock}<script>${chartJs}</script>
<script>${clientJs}</script>
</body>
</html>
`;
}

function body(title: string): string {
  const definitions = Object.values(DEFINITIONS)
    .map((text) => `<li>${escapeHtml(text)}</li>`)
    .join('\n');
  return `<header class="page-header">
  <h1>${escapeHtml(title)}</h1>
  <p id="period" class="period">Loading…</p>
  <p id="notes" class="notes"></p>
  <noscript><p class="warning">This report draws its tables and charts with JavaScript: allow scripts for this file.</p></noscript>
</header>
<form id="filters" class="filters" hidden>
  <label>From <input type="date" name="from"></label>
  <label>To <input type="date" name="to"></label>
  <label>Time zone <input type="text" name="tz" placeholder="UTC" spellcheck="false" autocomplete="off" size="16"></label>
  <label>Template <select name="template"><option value="">All</option></select></label>
  <label>Language <select name="language"><option value="">All</option></select></label>
  <label>Category <select name="category"><option value="">All</option></select></label>
  <button type="submit">Apply</button>
  <button type="button" id="filters-reset">Reset</button>
  <output id="status" class="status" aria-live="polite"></output>
</form>
<main>
<section id="kpis" aria-labelledby="kpis-title">
  <h2 id="kpis-title">Key figures</h2>
  <div id="kpi-cards" class="cards"></div>
</section>
<div class="grid-2">
<section id="funnel" aria-labelledby="funnel-title">
  <h2 id="funnel-title">Funnel</h2>
  <div class="chart chart-short"><canvas id="funnel-chart" role="img" aria-label="Funnel: attempted, sent, delivered, read, clicked, replied, opted out"></canvas></div>
</section>
<section id="ttr" aria-labelledby="ttr-title">
  <h2 id="ttr-title">Time to read</h2>
  <p id="ttr-summary" class="hint"></p>
  <div class="chart chart-short"><canvas id="ttr-chart" role="img" aria-label="Time-to-read distribution"></canvas></div>
</section>
</div>
<section id="trend" aria-labelledby="trend-title">
  <h2 id="trend-title">Daily trend</h2>
  <div class="controls">
    <label>Rate <select id="trend-metric">
      <option value="read">Read rate ≥ (read / delivered)</option>
      <option value="clicked">Click rate (quick replies / delivered)</option>
      <option value="optedOut">Opt-out rate (people / delivered)</option>
    </select></label>
    <label>Find <input type="search" id="trend-search" autocomplete="off" placeholder="template or language"></label>
  </div>
  <fieldset id="trend-picker" class="picker"><legend>Templates (up to 8)</legend></fieldset>
  <div class="chart"><canvas id="trend-chart" role="img" aria-label="Daily rate per selected template"></canvas></div>
  <h3>Lifecycle events</h3>
  <ul id="annotations" class="annotations"></ul>
</section>
<section id="templates" aria-labelledby="templates-title">
  <h2 id="templates-title">Templates</h2>
  <p id="lint-note" class="hint"></p>
  <label class="search">Find a template <input type="search" id="table-search" autocomplete="off"></label>
  <div class="table-wrap"><table id="template-table" class="data sortable"></table></div>
</section>
<section id="rules" aria-labelledby="rules-title">
  <h2 id="rules-title">Which rules predict outcomes</h2>
  <p id="rules-note" class="hint"></p>
  <div class="table-wrap"><table id="rule-table" class="data"></table></div>
  <h3>Templates Meta re-categorised or rejected</h3>
  <p id="actions-summary"></p>
  <div class="table-wrap"><table id="action-table" class="data"></table></div>
  <p id="drafts-without-messages" class="hint"></p>
</section>
<div class="grid-2">
<section id="failures" aria-labelledby="failures-title">
  <h2 id="failures-title">Failures</h2>
  <div class="chart chart-short"><canvas id="failure-chart" role="img" aria-label="Failed messages by class"></canvas></div>
  <div class="table-wrap"><table id="failure-table" class="data"></table></div>
</section>
<section id="optouts" aria-labelledby="optouts-title">
  <h2 id="optouts-title">Opt-outs by signal</h2>
  <div class="table-wrap"><table id="optout-table" class="data"></table></div>
</section>
</div>
<section id="heatmap" aria-labelledby="heatmap-title">
  <h2 id="heatmap-title">Read rate by send time</h2>
  <p id="heatmap-note" class="hint"></p>
  <div class="table-wrap"><table id="heatmap-table" class="heatmap"></table></div>
  <div id="heatmap-legend" class="legend"></div>
</section>
<section id="definitions" aria-labelledby="definitions-title">
  <h2 id="definitions-title">Definitions</h2>
  <ul class="definitions">
${definitions}
  </ul>
</section>
</main>
<footer class="page-footer"><p id="footer"></p></footer>`;
}
