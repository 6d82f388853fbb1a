import { statSync } from 'node:fs';
import { AnalyticsError } from '@pesan/analytics';
import { collectFiles, lintFiles, type FileResult } from '@pesan/core';
import { catalog } from '@pesan/rules';
import type { LintMeta, LintStatus } from './model.js';
import { templateKey } from './rows.js';

/** Lint status of every template (name x language) defined by the drafts of a folder. */
export interface LintIndex {
  meta: LintMeta;
  /** Keyed by templateKey(name, language). */
  byTemplate: Map<string, LintStatus & { template: string; language: string | null; category: string | null }>;
}

/**
 * Lints the drafts under `dir` exactly as `pesan lint` does (nearest config per draft, same catalog) and indexes the
 * findings by the template they belong to, so the report can put each template's outcomes next to its lint status.
 */
export async function lintDrafts(dir: string): Promise<LintIndex> {
  const files = await collect(dir);
  let results: FileResult[];
  try {
    const run = await lintFiles(files, { catalogModule: import.meta.resolve('@pesan/rules'), catalog, concurrency: 'auto' });
    results = run.results;
    return indexResults(dir, files.length, results, run.unreadable.length);
  } catch (error) {
    throw asAnalyticsError(error);
  }
}

async function collect(dir: string): Promise<string[]> {
  try {
    return (await collectFiles([dir])).files;
  } catch (error) {
    throw asAnalyticsError(error, '--templates: ');
  }
}

/** Bad config or no drafts: the CLI prints these in one line (exit 2), like `pesan lint` does. */
function asAnalyticsError(error: unknown, prefix = ''): unknown {
  if (error instanceof Error && /UsageError|ConfigError/.test(error.name)) return new AnalyticsError(`${prefix}${error.message}`);
  return error;
}

const descriptions = new Map(catalog.rules.map((rule) => [rule.meta.id, rule.meta.description]));

export function indexResults(dir: string, fileCount: number, results: readonly FileResult[], unreadable = 0): LintIndex {
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
export function lintSource(dir: string): () => Promise<LintIndex> {
  let cached: { signature: string; index: LintIndex } | undefined;
  return async () => {
    const files = await collect(dir);
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
    if (cached?.signature !== signature) cached = { signature, index: await lintDrafts(dir) };
    return cached.index;
  };
}
