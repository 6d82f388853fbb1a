import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '@pesan/analytics';
import { startServer, writeReport } from '../src/index.js';
import { tempDir } from './fixtures.js';

/**
 * Issue 7, server and report: a generated list of hostile strings (XSS payloads in many encodings, RTL overrides,
 * control characters, huge strings) as template names, languages, button texts and error titles never reaches the
 * page as markup; oversized query strings and bad ids get a 4xx. (The browser tests in test/report/ run the page.)
 */
const TAGS = ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'body', 'details', 'math', 'style', 'a', 'video', 'audio', 'input', 'form', 'meta', 'link', 'base', 'template', 'xmp'];
const HANDLERS = ['onerror', 'onload', 'ontoggle', 'onfocus', 'onmouseover', 'onbegin', 'onanimationstart'];
function payloads(): string[] {
  const out: string[] = [];
  TAGS.forEach((tag, i) => {
    const handler = HANDLERS[i % HANDLERS.length]!;
    out.push(`<${tag} ${handler}=alert(${i})>`, `"><${tag}/${handler}=alert(${i})>`, `'--></${tag}><${tag} src=x ${handler}=window.__pwned=${i}>`);
  });
  out.push('</script><script>window.__pwned=1</script>', '<!--<script>-->', 'javascript:alert(1)', '${alert(1)}', '{{constructor.constructor("alert(1)")()}}',
    '\u202Egpj.exe', '\u0000\u0007\u001b[31m', `${'A'.repeat(5000)}<script>`, '&lt;script&gt;', '%3Cscript%3E', '\\u003cscript\\u003e', '<scr<script>ipt>');
  return out;
}

describe('hostile strings in the data', () => {
  it(`a report over ${payloads().length} generated payloads contains none of them as markup`, async () => {
    const dir = tempDir();
    const list = payloads();
    const lines = list.map((p, i) => JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: { statuses: [
        { id: `wamid.h${i}`, status: 'sent', timestamp: String(1790000000 + i * 60), recipient_id: `62812000${String(i).padStart(5, '0')}`, biz_opaque_callback_data: JSON.stringify({ template: p, language: p.slice(0, 12) }) },
        { id: `wamid.h${i}`, status: 'failed', timestamp: String(1790000010 + i * 60), errors: [{ code: 131000, title: p }] },
      ] } }] }],
    }));
    const file = path.join(dir, 'hostile.ndjson');
    (await import('node:fs')).writeFileSync(file, `${lines.join('\n')}\n`);
    const db = path.join(dir, 'h.duckdb');
    await ingestFiles({ db, files: [file] });
    const out = path.join(dir, 'report.html');
    await writeReport({ db, out });
    const html = readFileSync(out, 'utf8');
    // The same report over harmless names: the page's own markup.
    const benignFile = path.join(dir, 'benign.ndjson');
    (await import('node:fs')).writeFileSync(benignFile, lines.map((line, i) => line.split(JSON.stringify(JSON.stringify({ template: list[i]!, language: list[i]!.slice(0, 12) })).slice(1, -1)).join(JSON.stringify(JSON.stringify({ template: `t${i}`, language: 'en' })).slice(1, -1)).split(JSON.stringify(list[i]!).slice(1, -1)).join(`error ${i}`)).join('\n'));
    const benignDb = path.join(dir, 'b.duckdb');
    await ingestFiles({ db: benignDb, files: [benignFile] });
    await writeReport({ db: benignDb, out: path.join(dir, 'benign.html') });
    const benign = readFileSync(path.join(dir, 'benign.html'), 'utf8');
    for (const tag of TAGS) {
      const count = (text: string): number => (text.match(new RegExp(`<${tag}[\\s/>]`, 'gi')) ?? []).length;
      expect(count(html), `<${tag}`).toBe(count(benign));
    }
    // The data travels as JSON inside a non-executable script element, with every '<' escaped: inert text.
    const blocks = [...html.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(blocks.join('').length).toBeGreaterThan(1000);
    for (const block of blocks) expect(block).not.toContain('<');
    const markup = blocks.reduce((rest, block) => rest.replace(block, ''), html);
    expect(markup).not.toContain('window.__pwned');
    // Outside the data, no bidirectional override or control character (the page shows them as visible codes).
    expect(markup).not.toContain('\u202E');
    expect(markup).not.toContain('\u0000');
  }, 120_000);

  it('oversized query strings and bad ids get a 4xx, never a stack trace', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.ndjson');
    (await import('node:fs')).writeFileSync(file, `${JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { statuses: [{ id: 'wamid.a', status: 'sent', timestamp: '1790000000', biz_opaque_callback_data: 'tpl=t;lang=en' }] } }] }] })}\n`);
    const db = path.join(dir, 'q.duckdb');
    await ingestFiles({ db, files: [file] });
    const server = await startServer({ db, host: '127.0.0.1', port: 0 });
    const get = (p: string): Promise<{ status: number; body: string }> =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: p }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      for (const p of [`/api/templates?template=${'x'.repeat(100_000)}`, `/api/summary?from=${'9'.repeat(5000)}`, '/api/summary?to=2026-02-30', '/api/templates?category=%00']) {
        const r = await get(p).catch(() => ({ status: 431, body: '' }));
        expect(r.status, p).toBeGreaterThanOrEqual(400);
        expect(r.status, p).toBeLessThan(500);
        expect(r.body).not.toMatch(/\bat \S+\.js:\d+/);
      }
      // Odd but harmless values are answered (an empty result), never with a 5xx or markup.
      for (const p of ['/api/lint?template=%ZZ', `/api/timeseries?language=${encodeURIComponent('<script>')}&tz=UTC`]) {
        const r = await get(p);
        expect(r.status, p).toBeLessThan(500);
        expect(r.body).not.toContain('<script>');
        expect(r.body).not.toMatch(/\bat \S+\.js:\d+/);
      }
    } finally {
      await server.close();
    }
  }, 60_000);
});
