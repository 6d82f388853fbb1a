import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { pesanBin, repoRoot } from '../e2e/run-pesan.js';

/**
 * Browser tests run Debian's chromium through playwright-core (no browser download). CI installs it with apt
 * (.ci/run); on a machine without it the tests are skipped with a loud notice instead of failing.
 */
export const CHROMIUM = process.env.PESAN_CHROMIUM ?? '/usr/bin/chromium';
/** CI sets PESAN_REQUIRE_BROWSER=1: there a missing chromium fails the tests instead of skipping them. */
export const requireBrowser = process.env.PESAN_REQUIRE_BROWSER === '1';
export const hasChromium = existsSync(CHROMIUM) || requireBrowser;

if (!existsSync(CHROMIUM) && !requireBrowser) {
  const line = '!'.repeat(100);
  console.warn(`\n${line}\n!! SKIPPING the report's browser tests: no chromium at ${CHROMIUM}.\n!! Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set PESAN_CHROMIUM to a Chromium binary.\n${line}\n`);
}

export const SCREENSHOTS = path.join(repoRoot, 'reports', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Console errors (a CSP violation is one), uncaught page errors and dialogs, collected for assertions. */
export interface PageWatch {
  errors: string[];
  dialogs: string[];
  requests: string[];
}

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], dialogs: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => watch.requests.push(request.url()));
  return watch;
}

/** Blocks every request that is not a file:// URL and records it (the static report must make none). */
export async function blockNetwork(context: BrowserContext, blocked: string[]): Promise<void> {
  await context.route(/^(?!file:)/, async (route) => {
    blocked.push(route.request().url());
    await route.abort('blockedbyclient');
  });
}

export async function waitForRender(page: Page): Promise<void> {
  await page.waitForSelector('body[data-rendered]', { timeout: 20_000 });
}

/** Number of canvas pixels that are not fully transparent: > 0 once chart.js has drawn. */
export async function drawnPixels(page: Page, canvasId: string): Promise<number> {
  return page.evaluate((id) => {
    const canvas = document.getElementById(id) as HTMLCanvasElement | null;
    if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
    return drawn;
  }, canvasId);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function tableRows(page: Page): Promise<string[]> {
  return page.$$eval('#template-table tbody tr', (rows) => rows.map((row) => (row.querySelector('td') as HTMLElement | null)?.innerText ?? ''));
}

/** Starts `pesan serve --port 0` and resolves with its URL (printed on the first line). */
export async function startServe(args: string[]): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [pesanBin, 'serve', '--port', '0', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`pesan serve did not start: ${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Pesan report: (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`pesan serve exited ${code}: ${stderr}`));
    });
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, child, stop };
}
