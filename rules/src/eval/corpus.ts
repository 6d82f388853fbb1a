import { createSourceFile, parseDraftFile, resolveProjectKeys, type Linter, type LintOptions, type ResolvedConfig, type Severity } from '@pesan/core';
import type { CorpusEntry } from './score.js';

/** A corpus file: its path (relative paths keep the report short) and its text. */
export interface CorpusSource {
  path: string;
  text: string;
}

/** Lexicon-style language of a Meta language code: `en_US` → `en`, `pt_BR` → `pt`, missing → `unknown`. */
export function languageOf(code: string | undefined): string {
  return code?.trim().split(/[_-]/)[0]?.toLowerCase() || 'unknown';
}

/** The labels of a draft file: `expect` of its (first) template, from front matter or from the Meta JSON object. */
export function labelsOf(source: CorpusSource): { labels: string[]; language?: string } {
  const parsed = parseDraftFile(createSourceFile(source.path, source.text));
  const draft = parsed.drafts[0];
  if (!draft) return { labels: [] };
  const raw = draft.expect ?? draft.raw['expect'];
  const labels = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  return { labels, ...(draft.language ? { language: draft.language.value } : {}) };
}

export interface LintCorpusOptions {
  /** The config for each file (a ConfigResolver's `forFile`, or one config for all). */
  configFor(path: string): ResolvedConfig;
  /**
   * Rules to turn on (as `warn`) when the config leaves them off, so a labelled rule whose default is `info` is still
   * measured. Rules already on keep their configured severity.
   */
  ensureOn?: Iterable<string>;
}

/**
 * Lints every source in memory with the given linter (project rules resolved across the whole set, as the CLI
 * does) and pairs the findings with the labels.
 */
export function lintCorpus(linter: Linter, sources: readonly CorpusSource[], options: LintCorpusOptions): CorpusEntry[] {
  const ensureOn = [...(options.ensureOn ?? [])];
  const known = new Set(linter.rules.map((r) => r.meta.id));
  const results = sources.map((source) => {
    const config = options.configFor(source.path);
    const overrides = new Map<string, Severity>();
    for (const id of ensureOn) if (known.has(id) && (config.rules.get(id)?.severity ?? 'off') === 'off') overrides.set(id, 'warn');
    const lintOptions: LintOptions = overrides.size > 0 ? { ruleOverrides: overrides } : {};
    return linter.lintText(source.text, source.path, config, lintOptions);
  });
  const resolved = resolveProjectKeys(results);
  return sources.map((source, i) => {
    const { labels, language } = labelsOf(source);
    return {
      file: source.path,
      language: languageOf(language),
      labels,
      findings: resolved[i]!.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line, column: m.column })),
    };
  });
}
