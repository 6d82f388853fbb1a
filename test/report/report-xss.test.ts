import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pesan } from '../e2e/run-pesan.js';
import { blockNetwork, hasChromium, launchBrowser, startServe, tableRows, waitForRender, watchPage, type PageWatch } from './browser.js';

// Payloads in every user-controlled string the report shows: template names (callback data, send log, template
// webhooks, drafts), error titles, rejection reasons, categories, the drafts' file names and folder, button texts.
const SCRIPT = '<script>window.__pwned=1</script>';
// No ';' in names: it separates the pairs of biz_opaque_callback_data.
const IMG = '"><img src=x onerror="window.__pwned=alert(2)">';
const SVG = "<svg onload=alert(3)>'";
const RTL = '\u202Egpj.exe_invoice';
const T0 = Date.parse('2026-09-21T10:00:00Z') / 1000;
// Issue 7: a generated list on top of the hand-picked ones: tags x event handlers, attribute breakouts, closers.
const TAGS = ['script', 'img', 'svg', 'iframe', 'details', 'body', 'video', 'math', 'object', 'input'];
const HANDLERS = ['onerror', 'onload', 'ontoggle', 'onfocus', 'onbegin'];
const GENERATED = TAGS.flatMap((tag, i) => {
  const handler = HANDLERS[i % HANDLERS.length]!;
  return [`<${tag} ${handler}=alert(${i})>`, `"'><${tag}/src=x ${handler}=window.__pwned=${i}>`, `</${tag}><${tag} ${handler}=alert(${i + 100})//`];
}).map((p) => p.replace(/;/g, ','));

function envelope(value: object, field = 'messages', time = T0): string {
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '210987654321098', time, changes: [{ field, value }] }] });
}

function statusLine(wamid: string, status: string, ts: number, template: string, error?: string): string {
  return envelope({
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '4915511223344', phone_number_id: '318765432109876' },
    statuses: [{
      id: wamid,
      status,
      timestamp: String(ts),
      recipient_id: `62812${wamid.replace(/\D/g, '').padStart(7, '0')}`,
      biz_opaque_callback_data: `tpl=${template};lang=en_US`,
      ...(error ? { errors: [{ code: 131000, title: error, message: error }] } : {}),
    }],
  });
}

function hostileExport(dir: string): string[] {
  const lines: string[] = [];
  let n = 0;
  for (const template of [SCRIPT, IMG, RTL, ...GENERATED]) {
    for (let i = 0; i < 3; i++) {
      const wamid = `wamid.x${++n}`;
      lines.push(statusLine(wamid, 'sent', T0 + n * 3600, template), statusLine(wamid, 'delivered', T0 + n * 3600 + 5, template));
      if (i === 0) lines.push(statusLine(wamid, 'read', T0 + n * 3600 + 60, template));
    }
    lines.push(statusLine(`wamid.f${++n}`, 'failed', T0 + n * 3600, template, `${SVG} ${SCRIPT}`));
  }
  // A quick-reply tap whose button text is a payload.
  lines.push(envelope({
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '4915511223344', phone_number_id: '318765432109876' },
    contacts: [{ profile: { name: IMG }, wa_id: '6281200000001' }],
    messages: [{ from: '6281200000001', id: 'wamid.in1', timestamp: String(T0 + 4000), type: 'button', button: { payload: IMG, text: SVG }, context: { from: '4915511223344', id: 'wamid.x1' } }],
  }));
  lines.push(envelope({ event: 'REJECTED', message_template_id: 1, message_template_name: SCRIPT, message_template_language: 'en_US', reason: IMG, message_template_category: SVG }, 'message_template_status_update'));
  lines.push(envelope({ message_template_id: 2, message_template_name: RTL, message_template_language: 'en_US', previous_category: SVG, new_category: SCRIPT }, 'template_category_update', T0 + 7200));
  const file = path.join(dir, 'hooks.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const sendLog = path.join(dir, 'send_log.csv');
  writeFileSync(sendLog, `wamid,sent_at,template_name,template_language,recipient,category\nwamid.s1,2026-09-21T12:00:00Z,"${SVG.replace(/"/g, '""')}",en_US,6281299999999,"${SCRIPT}"\n`);
  return [file, sendLog];
}

function hostileDrafts(dir: string): string {
  const drafts = path.join(dir, 'drafts"><img src=x onerror=alert(4)>');
  mkdirSync(drafts, { recursive: true });
  const draft = (name: string): string => `---\nname: ${JSON.stringify(name)}\ncategory: UTILITY\nlanguage: en_US\n---\nHi {{1}}, your order has shipped ${SVG}.\n`;
  writeFileSync(path.join(drafts, 'script.md'), draft(SCRIPT));
  writeFileSync(path.join(drafts, '<img src=x onerror=alert(5)>.md'), draft(IMG));
  return drafts;
}

async function assertInert(page: Page, watch: PageWatch): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    embedded: document.querySelectorAll('img, iframe, object, embed, svg, script:not([id]):not([type])').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    text: document.body.innerText,
  }));
  expect(state.pwned).toBeUndefined();
  expect(watch.dialogs).toEqual([]);
  expect(state.handlers).toBe(0);
  // Only the two inline scripts of the page itself (chart.js and the page script).
  expect(state.embedded).toBe(2);
  // The payloads are shown as text, and the bidi override as a visible code instead of reversing the line.
  expect(state.text).toContain(SCRIPT);
  expect(state.text).toContain('<img src=x onerror=');
  expect(state.text).toContain('[U+202E]gpj.exe_invoice');
  expect(state.text).not.toContain('\u202E');
  // A CSP violation would be a console error: none means nothing even tried to run.
  expect(watch.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
}

// Browsers are slow to start on a busy CI machine: generous per-test time.
describe.skipIf(!hasChromium)('hostile names, titles and texts execute nothing', { timeout: 120_000 }, () => {
  let dir: string;
  let db: string;
  let drafts: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pesan-report-xss-'));
    db = path.join(dir, 'hostile.duckdb');
    const ingest = pesan(['ingest', ...hostileExport(dir), '--db', db]);
    expect(ingest.stderr).toBe('');
    expect(ingest.code).toBe(0);
    drafts = hostileDrafts(dir);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('in the static report', async () => {
    const out = path.join(dir, 'report.html');
    const report = pesan(['report', '--db', db, '--templates', drafts, '--out', out]);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    const context = await browser.newContext({ offline: true });
    const blocked: string[] = [];
    await blockNetwork(context, blocked);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pathToFileURL(out).href);
    await waitForRender(page);
    await assertInert(page, watch);
    // The lint join worked on the hostile names too (the draft of the <script> template has findings).
    const rows = await page.$$eval('#template-table tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.find((r) => r.includes(SCRIPT))).toMatch(/name-charset/);
    expect(blocked).toEqual([]);
    await context.close();
  });

  it('in the served page, also after filtering by a hostile template name', async () => {
    const serve = await startServe(['--db', db, '--templates', drafts]);
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(serve.url);
      await waitForRender(page);
      await assertInert(page, watch);
      await page.selectOption('#filters select[name=template]', SCRIPT);
      await page.waitForFunction(() => document.querySelectorAll('#template-table tbody tr').length === 1);
      expect(await tableRows(page)).toEqual([SCRIPT]);
      await page.goto(`${serve.url}?template=${encodeURIComponent(IMG)}`);
      await waitForRender(page);
      expect(await tableRows(page)).toEqual([IMG]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(watch.dialogs).toEqual([]);
      await context.close();
    } finally {
      await serve.stop();
    }
  });
});
