import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pesan } from '../e2e/run-pesan.js';
import { blockNetwork, drawnPixels, hasChromium, launchBrowser, screenshot, SCREENSHOTS, startServe, tableRows, waitForRender, watchPage } from './browser.js';

const CHARTS = ['funnel-chart', 'ttr-chart', 'trend-chart', 'failure-chart'];
const VIEWPORTS = [
  { name: '1280', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

// Browsers are slow to start on a busy CI machine: generous per-test time.
describe.skipIf(!hasChromium)('pesan report and pesan serve in a browser', { timeout: 120_000 }, () => {
  let dir: string;
  let db: string;
  let reportFile: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pesan-report-browser-'));
    db = path.join(dir, 'fixtures.duckdb');
    const ingest = pesan(['ingest', 'fixtures/webhooks/', '--db', db]);
    expect(ingest.stderr).toBe('');
    expect(ingest.code).toBe(0);
    reportFile = path.join(dir, 'index.html');
    const report = pesan(['report', '--db', db, '--templates', 'fixtures/templates/', '--out', reportFile]);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(path.resolve(report.stdout.trim())).toBe(reportFile);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the static report from file:// with the network blocked: no request, charts drawn, no error', async () => {
    expect(statSync(reportFile).size).toBeLessThan(2_000_000);
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport, offline: true });
      const blocked: string[] = [];
      await blockNetwork(context, blocked);
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(pathToFileURL(reportFile).href);
      await waitForRender(page);
      for (const id of CHARTS) expect(await drawnPixels(page, id), id).toBeGreaterThan(500);
      expect((await tableRows(page)).length).toBe(15);
      // Lint status joined to outcomes: codigo_acesso's draft has errors, promo_gajian has no draft.
      const lintCells = await page.$$eval('#template-table tbody tr', (rows) => rows.map((r) => r.textContent ?? ''));
      expect(lintCells.find((t) => t.includes('codigo_acesso'))).toMatch(/otp-button-category|phone-number-format/);
      expect(lintCells.find((t) => t.includes('promo_gajian'))).toContain('no draft');
      expect(await page.locator('#rule-table tbody tr').count()).toBeGreaterThan(3);
      expect(await page.locator('#action-table tbody tr').count()).toBe(2);
      expect(await page.locator('#heatmap-table tbody tr').count()).toBe(7);
      // Every KPI card explains itself on hover.
      for (const title of await page.$$eval('#kpi-cards .card', (cards) => cards.map((c) => c.getAttribute('title')))) expect(title).toBeTruthy();
      await screenshot(page, `report-file-${viewport.name}.png`);
      expect(blocked).toEqual([]);
      expect(watch.requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
      expect(watch.errors).toEqual([]);
      await context.close();
    }
  });

  it('sorts the table, picks templates for the trend, and fits a phone width without horizontal page scroll', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, offline: true });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pathToFileURL(reportFile).href);
    await waitForRender(page);
    const before = await tableRows(page);
    await page.click('#template-table th button[data-sort="template"]');
    const sorted = await tableRows(page);
    expect(sorted).toEqual([...before].sort());
    expect(await page.getAttribute('#template-table th:has(button[data-sort="template"])', 'aria-sort')).toBe('ascending');
    const datasets = (): Promise<number> => page.evaluate(() => (window as unknown as { Chart: { getChart(id: string): { data: { datasets: unknown[] } } } }).Chart.getChart('trend-chart').data.datasets.length);
    const picked = await datasets();
    await page.locator('#trend-picker input[type=checkbox]:not(:checked)').first().check();
    expect(await datasets()).toBe(picked + 1);
    await page.selectOption('#trend-metric', 'optedOut');
    expect(await drawnPixels(page, 'trend-chart')).toBeGreaterThan(500);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('serves the same page on localhost; a filter updates the table and charts without a reload', async () => {
    const serve = await startServe(['--db', db, '--templates', 'fixtures/templates/']);
    try {
      expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        const watch = watchPage(page);
        await page.goto(serve.url);
        await waitForRender(page);
        for (const id of CHARTS) expect(await drawnPixels(page, id), id).toBeGreaterThan(500);
        expect((await tableRows(page)).length).toBe(15);
        await screenshot(page, `serve-${viewport.name}.png`);
        if (viewport.name === '1280') {
          await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
          await page.selectOption('#filters select[name=template]', 'promo_gajian');
          await page.waitForFunction(() => document.querySelectorAll('#template-table tbody tr').length === 1);
          expect(await tableRows(page)).toEqual(['promo_gajian']);
          expect(page.url()).toContain('template=promo_gajian');
          expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
          await page.selectOption('#filters select[name=category]', 'UTILITY');
          await page.waitForFunction(() => document.getElementById('template-table')!.textContent!.includes('No template in this selection'));
          await page.fill('#filters input[name=from]', '2026-10-20');
          await page.click('#filters-reset');
          await page.waitForFunction(() => document.querySelectorAll('#template-table tbody tr').length === 15);
          // A bad value is reported in the page, not as a broken page.
          await page.fill('#filters input[name=tz]', 'Nowhere/Land');
          await page.click('#filters button[type=submit]');
          await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('tz: not an IANA time zone'));
        }
        const origin = new URL(serve.url).origin;
        expect(watch.requests.filter((url) => !url.startsWith(origin))).toEqual([]);
        expect(watch.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
        await context.close();
      }
    } finally {
      await serve.stop();
    }
  });

  it('writes the screenshots under reports/screenshots/', () => {
    for (const name of ['report-file-1280.png', 'report-file-phone.png', 'serve-1280.png', 'serve-phone.png']) {
      expect(existsSync(path.join(SCREENSHOTS, name)), name).toBe(true);
    }
  });
});
