import { statSync } from 'node:fs';
import { AnalyticsError } from '@pesan/analytics';
import type { collectFiles, FileResult, LintFilesOptions, lintFiles, RuleCatalog } from '@pesan/core';
import type { LintMeta, LintStatus } from './model.js';
import { templateKey } from './rows.js';

/** Lint status of every template (name x language) defined by the drafts of a folder. */
export interface LintIndex {
  meta: LintMeta;
  /** Keyed by templateKey(name, language). */
  byTemplate: Map<string, LintStatus & { template: string; language: string | null; category: string | null }>;
}

/**
 * The linter a report runs: `pesan lint`'s own. The CLI passes the copy it carries (its bundle, already loaded and
 * compiled from its code cache); other callers get @pesan/core and @pesan/rules, loaded on first use. Importing them
 * here cost every `pesan report` ≈ 0.3 s of loading some 350 modules a second time.
 */
export interface ReportLinter {
  collectFiles: typeof collectFiles;
  lintFiles: typeof lintFiles;
  catalog: RuleCatalog;
  /** How lintFiles' worker threads get the same catalog (`catalogModule`, and `workerModule` for a bundle). */
  workers: Pick<LintFilesOptions, 'catalogModule' | 'workerModule'>;
}

let packageLinter: Promise<ReportLinter> | undefined;

/** @pesan/core and @pesan/rules as the report's linter, loaded once. */
export function defaultReportLinter(): Promise<ReportLinter> {
  packageLinter ??= Promise.all([import('@pesan/core'), import('@pesan/rules')]).then(([core, rules]) => ({
    collectFiles: core.collectFiles,
    lintFiles: core.lintFiles,
    catalog: rules.catalog,
    workers: { catalogModule: import.meta.resolve('@pesan/rules') },
  }));
  return packageLinter;
}

/**
 * Lints the drafts under `dir` exactly as `pesan lint` does (nearest config per draft, same catalog) and indexes the
 * findings by the template they belong to, so the report can put each template's outcomes next to its lint status.
 */
export async function lintDrafts(dir: string, linter?: ReportLinter): Promise<LintIndex> {
  const use = linter ?? (await defaultReportLinter());
  const files = await collect(dir, use);
  let results: FileResult[];
  try {
    const run = await use.lintFiles(files, { ...use.workers, catalog: use.catalog, concurrency: 'auto' });
    results = run.results;
    return indexResults(dir, files.length, results, run.unreadable.length, use.catalog);
  } catch (error) {
    throw asAnalyticsError(error);
  }
}

async function collect(dir: string, linter: ReportLinter): Promise<string[]> {
  try {
    return (await linter.collectFiles([dir])).files;
  } catch (error) {
    throw asAnalyticsError(error, '--templates: ');
  }
}

/** Bad config or no drafts: the CLI prints these in one line (exit 2), like `pesan lint` does. */
function asAnalyticsError(error: unknown, prefix = ''): unknown {
  if (error instanceof Error && /UsageError|ConfigError/.test(error.name)) return new AnalyticsError(`${prefix}${error.message}`);
  return error;
}

const descriptionsByCatalog = new WeakMap<RuleCatalog, Map<string, string>>();
function descriptionsOf(catalog: RuleCatalog): Map<string, string> {
  let found = descriptionsByCatalog.get(catalog);
  if (!found) descriptionsByCatalog.set(catalog, (found = new Map(catalog.rules.map((rule) => [rule.meta.id, rule.meta.description]))));
  return found;
}

/** Lint results by template; `catalog` gives rule descriptions and the docs URL of findings that carry none. */
export function indexResults(dir: string, fileCount: number, results: readonly FileResult[], unreadable: number, catalog: RuleCatalog): LintIndex {
  const descriptions = descriptionsOf(catalog);
  const byTemplate: LintIndex['byTemplate'] = new Map();
  let unparsed = unreadable;
  for (const result of results) {
    const named = result.templates.filter((t): t is { name: string; language?: string; category?: string } => Boolean(t.name));
    if (named.length === 0) {
      unparsed++;
      continue;
    }
    const entryFor = (name: string, language: string | undefined) => {
      const key = templateKey(name, language);
      let entry = byTemplate.get(key);
      if (!entry) {
        const declared = named.find((t) => t.name === name && t.language === language);
        entry = { template: name, language: language ?? null, category: declared?.category?.toUpperCase() ?? null, errors: 0, warnings: 0, rules: [], files: [] };
        byTemplate.set(key, entry);
      }
      if (!entry.files.includes(result.filePath)) entry.files.push(result.filePath);
      return entry;
    };
    for (const t of named) entryFor(t.name, t.language);
    for (const finding of result.messages) {
      // A finding without a template (e.g. a file-level problem) belongs to the file's only template, if single.
      const owner = finding.template?.name ? finding.template : named.length === 1 ? named[0] : undefined;
      if (!owner?.name) continue;
      const entry = entryFor(owner.name, owner.language);
      if (finding.severity === 2) entry.errors++;
      else entry.warnings++;
      let rule = entry.rules.find((r) => r.ruleId === finding.ruleId);
      if (!rule) {
        rule = {
          ruleId: finding.ruleId,
          severity: finding.severity,
          count: 0,
          url: finding.url ?? catalog.docsUrl(finding.ruleId),
          description: descriptions.get(finding.ruleId) ?? (finding.ruleId === 'parse-error' ? 'The draft could not be parsed.' : ''),
        };
        entry.rules.push(rule);
      }
      rule.count++;
      if (finding.severity > rule.severity) rule.severity = finding.severity;
    }
  }
  for (const entry of byTemplate.values()) {
    entry.rules.sort((a, b) => b.severity - a.severity || b.count - a.count || a.ruleId.localeCompare(b.ruleId));
  }
  return { meta: { dir, files: fileCount, templates: byTemplate.size, unparsed }, byTemplate };
}

/**
 * For `pesan serve`: the lint index of a folder, recomputed only when a draft was added, removed or
 * changed since the last request (a config edit needs a restart), so editing a draft shows up on the next refresh
 * without re-linting every time.
 */
export function lintSource(dir: string, linter?: ReportLinter): () => Promise<LintIndex> {
  let cached: { signature: string; index: LintIndex } | undefined;
  return async () => {
    const use = linter ?? (await defaultReportLinter());
    const files = await collect(dir, use);
    const signature = files
      .map((file) => {
        try {
          const s = statSync(file);
          return `${file}:${s.size}:${s.mtimeMs}`;
        } catch {
          return `${file}:gone`;
        }
      })
      .join('\n');
    if (cached?.signature !== signature) cached = { signature, index: await lintDrafts(dir, use) };
    return cached.index;
  };
}
