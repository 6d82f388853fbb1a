import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost, startServer, type RunningServer } from '../src/index.js';
import { buildDatabase, smallExport, writeDrafts } from './fixtures.js';

let server: RunningServer;
let db: string;

beforeAll(async () => {
  const built = await buildDatabase(smallExport());
  db = built.db;
  server = await startServer({ db, templates: writeDrafts(built.dir), host: '127.0.0.1', port: 0 });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** A raw GET (the path is sent exactly as given: fetch would normalise `/../`). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('pesan serve API', () => {
  it('answers every endpoint with the filtered data', async () => {
    const summary = JSON.parse((await get('/api/summary?template=promo_sale')).body);
    expect(summary.summary.kpis.current.attempted).toBe(4);
    expect(summary.meta.filters).toEqual({ template: 'promo_sale' });
    const templates = JSON.parse((await get('/api/templates?category=utility')).body);
    expect(templates.templates.map((t: { template: string }) => t.template)).toEqual(['order_shipped']);
    const timeseries = JSON.parse((await get('/api/timeseries?from=2026-09-22')).body);
    expect(timeseries.days).toEqual(['2026-09-22']);
    const failures = JSON.parse((await get('/api/failures')).body);
    expect(failures.attempted).toBe(10);
    const lint = JSON.parse((await get('/api/lint')).body);
    expect(lint.available).toBe(true);
    // Rule docs are file:// URLs by default; the served page links them through the server instead.
    expect(lint.rules[0].url).toMatch(/^docs\/[a-z0-9-]+$/);
    const doc = await get(`/${lint.rules[0].url}`);
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('rejects bad parameters with 400 and a one-line JSON message', async () => {
    for (const [path, message] of [
      ['/api/summary?from=2026-13-01', 'from: expected a date as YYYY-MM-DD'],
      ['/api/templates?from=2026-10-02&to=2026-10-01', 'from is after to'],
      ['/api/timeseries?tz=Nowhere%2FLand', 'tz: not an IANA time zone'],
      ['/api/failures?category=PROMO', 'category: expected'],
      ['/api/lint?template=a&template=b', 'template: expected a single string'],
      ['/api/summary?bogus=1', 'bogus: unknown parameter'],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(JSON.parse(response.body).error, path).toContain(message);
      expect(response.body).not.toMatch(/\bat \S+\.js:\d+/);
    }
  });

  it('serves no file outside the page: traversal attempts get 404 or 400', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/docs/..%2F..%2Fpackage.json', '/docs/%2e%2e', '/api/../../etc/passwd', '/index.html', '/assets/client.js', '/node_modules/chart.js/package.json', '/%ZZ']) {
      const response = await get(path);
      expect([400, 404], path).toContain(response.status);
      expect(response.body).not.toContain('"name"');
    }
  });

  it('sends security headers and refuses requests addressed to another host name (DNS rebinding)', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-powered-by']).toBeUndefined();
    const api = await get('/api/summary');
    expect(api.headers['cache-control']).toBe('no-store');
    expect((await get('/api/summary', { Host: 'attacker.example:8080' })).status).toBe(421);
    expect((await get('/api/summary', { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a non-loopback host without --allow-remote', async () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('192.168.1.10')).toBe(false);
    await expect(startServer({ db, host: '0.0.0.0', port: 0 })).rejects.toThrow(/not a loopback address.*--allow-remote/);
  });

  it('fails at start, not on the first request, when the database is missing', async () => {
    await expect(startServer({ db: `${db}.missing`, port: 0 })).rejects.toThrow(/no analytics database here yet/);
  });
});

describe('pesan serve while the database changes', () => {
  it('shows a new ingest on the next request, and does not keep the file locked meanwhile', async () => {
    const { ingestFiles } = await import('@pesan/analytics');
    const { writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { message, T_B } = await import('./fixtures.js');
    const built = await buildDatabase(smallExport());
    const live = await startServer({ db: built.db, host: '127.0.0.1', port: 0 });
    try {
      const before = await (await fetch(`${live.url}api/summary`)).json();
      expect(before.summary.kpis.current.attempted).toBe(10);
      // An ingest needs the write lock: it gets it while the server is running (the cube is in memory).
      const more = path.join(built.dir, 'more.ndjson');
      writeFileSync(more, `${message('wamid.z1', 'order_shipped', T_B + 60, '6281200000099', { readAfter: 5 }).join('\n')}\n`);
      await ingestFiles({ db: built.db, files: [more], lockTimeoutMs: 2_000 });
      const after = await (await fetch(`${live.url}api/summary`)).json();
      expect(after.summary.kpis.current.attempted).toBe(11);
      expect(after.summary.kpis.current.read).toBe(6);
    } finally {
      await live.close();
    }
  });
});
