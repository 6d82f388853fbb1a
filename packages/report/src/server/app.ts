import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AnalyticsError } from '@pesan/analytics';
import { catalog, docsDir } from '@pesan/rules';
import { contextOf, failuresOf, lintOf, metaOf, REPORT_VERSION, summaryOf, templatesOf, timeseriesOf, type ReportContext } from '../assemble.js';
import { lintSource, type LintIndex, type ReportLinter } from '../lint.js';
import type { LintSection, TemplatesSection } from '../model.js';
import { parseReportQuery } from '../query.js';
import { contentSecurityPolicy, renderPage } from '../render/page.js';
import type { Cube } from '../cube.js';
import { CubeStore } from './cube-store.js';
import { hostAllowed, isLoopbackHost } from './hosts.js';

export { isLoopbackHost } from './hosts.js';

export interface ServeOptions {
  db: string;
  templates?: string;
  host?: string;
  port?: number;
  allowRemote?: boolean;
  pesanVersion?: string;
  /** The linter for `templates` (default: @pesan/core and @pesan/rules). */
  linter?: ReportLinter;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

type Section = (context: ReportContext) => Promise<unknown>;

/**
 * The express app of `pesan serve`: the report page (server mode), the JSON API and the rule docs. It serves no
 * file from disk by path: the page is rendered in memory and rule pages are looked up by rule id, so no request
 * path can reach another file.
 */
export function createReportApp(options: {
  db: string;
  templates?: string;
  allowRemote?: boolean;
  pesanVersion?: string;
  store?: CubeStore;
  lint?: () => Promise<LintIndex>;
}): express.Express {
  const store = options.store ?? new CubeStore(options.db);
  const lint = options.lint ?? (options.templates ? lintSource(options.templates) : null);
  const version = options.pesanVersion ?? REPORT_VERSION;
  const page = renderPage({ mode: 'server' });
  const pagePolicy = `${contentSecurityPolicy('server')}; frame-ancestors 'none'`;
  const ruleIds = new Set(catalog.rules.map((rule) => rule.meta.id));
  const answers = new AnswerCache();

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use((req: Request, res: Response, next: NextFunction) => {
    res.set({
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    // DNS rebinding: a web page elsewhere could point its own name at 127.0.0.1 and read the API; a local server
    // only answers requests addressed to a loopback name.
    if (!options.allowRemote && !hostAllowed(req.headers.host)) {
      res.status(421).json({ error: 'This server answers only requests to localhost or 127.0.0.1.' });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.status(405).set('Allow', 'GET, HEAD').json({ error: 'Only GET requests.' });
      return;
    }
    next();
  });

  app.get('/', (_req, res) => {
    res.set('Content-Security-Policy', pagePolicy).type('html').send(page);
  });

  const sections: Record<string, Section> = {
    summary: async (context) => ({ meta: await metaOf(context, version), summary: await summaryOf(context) }),
    templates: async (context) => linkDocs(await templatesOf(context)),
    timeseries: (context) => timeseriesOf(context),
    failures: (context) => failuresOf(context),
    lint: async (context) => linkDocs(await lintOf(context)),
  };
  for (const [name, section] of Object.entries(sections)) {
    app.get(`/api/${name}`, async (req, res) => {
      let query;
      try {
        query = parseReportQuery(req.query as Record<string, unknown>);
      } catch (error) {
        res.status(400).json({ error: error instanceof Error ? error.message : String(error) });
        return;
      }
      const index: LintIndex | null = lint ? await lint() : null;
      const key = `${name}\u0000${JSON.stringify(query)}`;
      const body = await store.run(query.tz ?? 'UTC', async (cube) => {
        const hit = answers.get(cube, index, key);
        if (hit !== undefined) return hit;
        const answer = await section(await contextOf(cube, options.db, query, index));
        answers.set(cube, index, key, answer);
        return answer;
      });
      res.json(body);
    });
  }

  // Rule pages as plain text (Markdown is not rendered, so a page cannot run anything), found by rule id only.
  app.get('/docs/:ruleId', (req, res) => {
    const id = String(req.params.ruleId);
    const file = path.join(docsDir, `${id}.md`);
    if (!ruleIds.has(id) || !existsSync(file)) {
      res.status(404).json({ error: 'No such rule.' });
      return;
    }
    res.type('text/plain; charset=utf-8').send(readFileSync(file, 'utf8'));
  });

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found.' });
  });

  // Expected problems become one-line JSON errors; anything else is logged on the server, never sent with a stack.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = statusOf(error);
    const message = error instanceof Error ? error.message : String(error);
    if (status === 500) process.stderr.write(`pesan serve: internal error: ${message}\n`);
    res.status(status).json({ error: status === 500 ? 'Internal error (see the server log).' : message });
  });
  return app;
}

/**
 * API answers of the current cube and lint index. A cube changes only when the database file does (or the time
 * zone), so switching filters back and forth costs nothing the second time. Bounded: the oldest answers go first.
 */
class AnswerCache {
  private readonly answers = new Map<string, unknown>();
  private cube: Cube | undefined;
  private lint: LintIndex | null = null;

  constructor(private readonly limit = 500) {}

  get(cube: Cube, lint: LintIndex | null, key: string): unknown {
    if (cube !== this.cube || lint !== this.lint) {
      this.answers.clear();
      this.cube = cube;
      this.lint = lint;
    }
    return this.answers.get(key);
  }

  set(cube: Cube, lint: LintIndex | null, key: string, answer: unknown): void {
    if (cube !== this.cube || lint !== this.lint) return;
    if (this.answers.size >= this.limit) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, answer);
  }
}

function statusOf(error: unknown): number {
  if (!(error instanceof Error)) return 500;
  // Malformed URLs (e.g. a bad %-escape) are the client's mistake.
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) return status;
  // The database is missing, locked by a long ingest, or mid-ingest: the server is fine, the data is not ready.
  if (error.name === 'AnalyticsError') return 503;
  return 500;
}

/**
 * Rule docs are file:// URLs by default, which a page served over http may not open: point them at this server's
 * /docs/<id> instead. A docsUrl configured by the team (https) is kept.
 */
function linkDocs<T extends TemplatesSection | LintSection>(section: T): T {
  const local = <R extends { ruleId: string; url: string }>(rule: R): R => (rule.url.startsWith('file:') ? { ...rule, url: `docs/${encodeURIComponent(rule.ruleId)}` } : rule);
  // Copies: the rule objects are shared with the lint index, which other answers read too.
  if ('templates' in section) {
    return { ...section, templates: section.templates.map((row) => (row.lint ? { ...row, lint: { ...row.lint, rules: row.lint.rules.map(local) } } : row)) };
  }
  return { ...section, rules: section.rules.map(local) };
}

/**
 * `pesan serve`: checks the database and the drafts once (so a typo fails at start, not on the first page load),
 * then listens. A host other than loopback is refused unless `allowRemote`: the report has no login.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8080;
  if (!isLoopbackHost(host) && !options.allowRemote) {
    throw new AnalyticsError(`--host ${host} is not a loopback address: the report has no login, so anyone who can reach it reads your data. Add --allow-remote to serve it anyway.`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AnalyticsError(`--port ${String(options.port)}: expected a port number from 0 to 65535.`);
  // Built now, so a missing or locked database fails at start, and the first page load is fast.
  const store = new CubeStore(options.db);
  await store.run('UTC', async () => undefined);
  const lint = options.templates ? lintSource(options.templates, options.linter) : undefined;
  if (lint) await lint();
  const app = createReportApp({ ...options, store, ...(lint ? { lint } : {}) });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host);
    s.once('listening', () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new AnalyticsError(`${host}:${port} is already in use: choose another --port (or 0 for any free one).`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new AnalyticsError(`--host ${host}: not an address of this machine.`));
      else if (error.code === 'EACCES') reject(new AnalyticsError(`${host}:${port}: permission denied (ports below 1024 need privileges).`));
      else reject(error);
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    host: address.address,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}
