import { collectFiles, lintFiles } from '@pesan/core';
import type { ReportLinter } from '@pesan/report';
import { catalog, catalogModule, workerModule } from './catalog-module.js';

/**
 * The linter `pesan report` and `pesan serve` hand to @pesan/report: this CLI's own core and rules (in the bundled
 * CLI, already loaded and compiled from its code cache) with the worker set-up of `pesan lint`, instead of the
 * report loading the plain packages again.
 */
export function cliReportLinter(): ReportLinter {
  return { collectFiles, lintFiles, catalog, workers: { catalogModule, ...(workerModule ? { workerModule } : {}) } };
}
