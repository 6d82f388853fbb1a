import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildReportData } from './assemble.js';
import { lintDrafts, type ReportLinter } from './lint.js';
import type { ReportData } from './model.js';
import { parseReportQuery, type ReportQuery } from './query.js';
import { renderPage } from './render/page.js';

export interface WriteReportOptions {
  db: string;
  /** Folder (or file or glob) of drafts to lint and join by template name and language. */
  templates?: string;
  query?: ReportQuery;
  out: string;
  pesanVersion?: string;
  /** The linter for `templates` (default: @pesan/core and @pesan/rules). */
  linter?: ReportLinter;
}

export interface WrittenReport {
  path: string;
  bytes: number;
  data: ReportData;
}

/** `pesan report`: lint the drafts (optional), query the database read-only, write one self-contained HTML file. */
export async function writeReport(options: WriteReportOptions): Promise<WrittenReport> {
  const query = parseReportQuery({ ...(options.query ?? {}) }, '--');
  const lint = options.templates ? lintDrafts(options.templates, options.linter) : null;
  const data = await buildReportData({ db: options.db, query, lint, ...(options.pesanVersion ? { pesanVersion: options.pesanVersion } : {}) });
  const html = renderPage({ mode: 'file', data, title: titleOf(data) });
  const out = path.resolve(options.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, html);
  return { path: out, bytes: Buffer.byteLength(html), data };
}

function titleOf(data: ReportData): string {
  const period = data.meta.period;
  return period ? `Pesan report ${period.from} – ${period.to}` : 'Pesan report';
}
