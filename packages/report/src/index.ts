/** @pesan/report: the offline single-file HTML report and the local server over the analytics database. */
import type { RunningServer, ServeOptions } from './server/app.js';

export { writeReport, type WriteReportOptions, type WrittenReport } from './report-file.js';
export {
  buildReportData,
  withReportContext,
  contextOf,
  metaOf,
  summaryOf,
  templatesOf,
  timeseriesOf,
  failuresOf,
  lintOf,
  REPORT_VERSION,
  type ReportContext,
} from './assemble.js';
export { lintDrafts, lintSource, indexResults, defaultReportLinter, type LintIndex, type ReportLinter } from './lint.js';
export { parseReportQuery, reportQuerySchema, type ReportQuery } from './query.js';
export { renderPage, contentSecurityPolicy, type PageMode, type PageOptions } from './render/page.js';
export { escapeHtml, jsonForScript } from './render/escape.js';
export { isLoopbackHost } from './server/hosts.js';
export type { ServeOptions, RunningServer } from './server/app.js';
export { DEFINITIONS } from './definitions.js';
export type * from './model.js';

/**
 * `pesan serve` (express is loaded only here, so that `pesan report` does not pay for it). See server/app.ts.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const server = await import('./server/app.js');
  return server.startServer(options);
}
