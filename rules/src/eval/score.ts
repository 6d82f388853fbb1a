/**
 * Scoring of the labelled evaluation corpus (`fixtures/corpus/`, run by `npm run eval`).
 *
 * Each draft carries `expect: [rule-id, ...]` or `expect: [clean]` in its front matter (a top-level `"expect"` array
 * in Meta JSON). Scoring is per draft and per rule: a draft is a true positive for a rule when the rule reports at
 * least once on it (any severity) and its label lists the rule; a false positive when the rule reports and the label
 * does not list it; a false negative when the label lists the rule and it does not report. `[clean]` means no scored
 * rule should report. Separately, the share of clean drafts with any error (from any rule) is measured.
 */

/** The label that marks a draft on which no scored rule should report. */
export const CLEAN_LABEL = 'clean';

/** One finding as the scorer needs it (a subset of the engine's Finding). */
export interface ScoredFinding {
  ruleId: string;
  /** 1 = warning, 2 = error. */
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
}

/** One linted, labelled draft. */
export interface CorpusEntry {
  file: string;
  /** Lexicon-style language of the draft (`en`, `id`, `es`, `pt`...), from its language code. */
  language: string;
  /** Labels from `expect` (`clean` or rule ids). Empty when the draft has no label (reported as unlabelled). */
  labels: string[];
  findings: ScoredFinding[];
}

export interface RuleScore {
  ruleId: string;
  /** Drafts whose label lists the rule. */
  labelled: number;
  /** Drafts on which the rule reported at least once. */
  reported: number;
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); undefined when the rule reported on no draft. */
  precision: number | undefined;
  /** tp / (tp + fn); undefined when no draft is labelled with the rule. */
  recall: number | undefined;
  /** Whether the rule exists in the linted catalog. */
  inCatalog: boolean;
}

export interface RuleTarget {
  ruleId: string;
  minPrecision?: number;
  minRecall?: number;
}

export interface EvalTargets {
  rules: RuleTarget[];
  /** Highest allowed share (0..1) of clean drafts with at least one error. */
  maxCleanErrorShare: number;
}

/** The issue's targets (issue 3, "Evaluation"). */
export const DEFAULT_TARGETS: EvalTargets = {
  rules: [
    { ruleId: 'no-promotional-content', minPrecision: 0.95, minRecall: 0.9 },
    { ruleId: 'transaction-detail-required', minPrecision: 0.9, minRecall: 0.85 },
  ],
  maxCleanErrorShare: 0.05,
};

export interface TargetResult {
  description: string;
  actual: string;
  ok: boolean;
}

/** A miss: a rule that reported where it should not (fp) or stayed silent where it should have reported (fn). */
export interface Miss {
  kind: 'fp' | 'fn';
  ruleId: string;
  file: string;
  /** For a false positive: the first finding of the rule on the draft. */
  finding?: ScoredFinding;
}

export interface EvalReport {
  drafts: number;
  clean: number;
  unlabelled: string[];
  byLanguage: Record<string, { drafts: number; clean: number }>;
  rules: RuleScore[];
  /** The same scores restricted to each language (only rules with a target or a label in that language). */
  rulesByLanguage: Record<string, RuleScore[]>;
  cleanWithError: { count: number; share: number; files: string[] };
  /** Drafts on which the set of scored rules that reported equals the labelled set exactly. */
  exactMatches: number;
  targets: TargetResult[];
  ok: boolean;
  misses: Miss[];
}

export interface ScoreOptions {
  /**
   * Rules scored on every draft (typically every compliance rule of the catalog). Rules named in labels are always
   * scored too.
   */
  scoredRules: Iterable<string>;
  /** Every rule id in the catalog (to flag labels naming a rule that does not exist yet). */
  catalogRules?: Iterable<string>;
  targets?: EvalTargets;
}

function ratio(num: number, den: number): number | undefined {
  return den === 0 ? undefined : num / den;
}

function scoreRules(entries: readonly CorpusEntry[], ruleIds: readonly string[], catalog: ReadonlySet<string> | undefined, misses?: Miss[]): RuleScore[] {
  return ruleIds.map((ruleId) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let labelled = 0;
    let reported = 0;
    for (const entry of entries) {
      if (entry.labels.length === 0) continue;
      const expected = entry.labels.includes(ruleId);
      const first = entry.findings.find((f) => f.ruleId === ruleId);
      if (expected) labelled++;
      if (first) reported++;
      if (expected && first) tp++;
      else if (first) {
        fp++;
        misses?.push({ kind: 'fp', ruleId, file: entry.file, finding: first });
      } else if (expected) {
        fn++;
        misses?.push({ kind: 'fn', ruleId, file: entry.file });
      }
    }
    return {
      ruleId,
      labelled,
      reported,
      tp,
      fp,
      fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      inCatalog: catalog ? catalog.has(ruleId) : true,
    };
  });
}

const fmt = (n: number | undefined): string => (n === undefined ? 'n/a' : n.toFixed(3));
const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

/** Scores linted, labelled drafts against the labels and checks the targets. Pure: no I/O. */
export function scoreCorpus(entries: readonly CorpusEntry[], options: ScoreOptions): EvalReport {
  const targets = options.targets ?? DEFAULT_TARGETS;
  const catalog = options.catalogRules ? new Set(options.catalogRules) : undefined;
  const labelled = entries.filter((e) => e.labels.length > 0);
  const unlabelled = entries.filter((e) => e.labels.length === 0).map((e) => e.file);

  const ids = new Set(options.scoredRules);
  for (const e of labelled) for (const l of e.labels) if (l !== CLEAN_LABEL) ids.add(l);
  for (const t of targets.rules) ids.add(t.ruleId);
  const ruleIds = [...ids].sort((a, b) => a.localeCompare(b));
  const scored = new Set(ruleIds);

  const misses: Miss[] = [];
  const rules = scoreRules(labelled, ruleIds, catalog, misses);

  const byLanguage: EvalReport['byLanguage'] = {};
  const rulesByLanguage: EvalReport['rulesByLanguage'] = {};
  const languages = [...new Set(labelled.map((e) => e.language))].sort();
  for (const lang of languages) {
    const subset = labelled.filter((e) => e.language === lang);
    byLanguage[lang] = { drafts: subset.length, clean: subset.filter((e) => e.labels.includes(CLEAN_LABEL)).length };
    const relevant = ruleIds.filter((id) => targets.rules.some((t) => t.ruleId === id) || subset.some((e) => e.labels.includes(id)));
    rulesByLanguage[lang] = scoreRules(subset, relevant, catalog);
  }

  const clean = labelled.filter((e) => e.labels.includes(CLEAN_LABEL));
  const cleanErrorFiles = clean.filter((e) => e.findings.some((f) => f.severity === 2)).map((e) => e.file);
  const cleanShare = clean.length === 0 ? 0 : cleanErrorFiles.length / clean.length;

  let exactMatches = 0;
  for (const e of labelled) {
    const want = new Set(e.labels.filter((l) => l !== CLEAN_LABEL));
    const got = new Set(e.findings.map((f) => f.ruleId).filter((id) => scored.has(id)));
    if (want.size === got.size && [...want].every((id) => got.has(id))) exactMatches++;
  }

  const targetResults: TargetResult[] = [];
  for (const t of targets.rules) {
    const score = rules.find((r) => r.ruleId === t.ruleId)!;
    const missing = !score.inCatalog ? ' (rule not in the catalog)' : '';
    if (t.minPrecision !== undefined) {
      targetResults.push({
        description: `${t.ruleId} precision ≥ ${t.minPrecision.toFixed(2)}`,
        actual: fmt(score.precision) + missing,
        ok: score.inCatalog && score.precision !== undefined && score.precision >= t.minPrecision,
      });
    }
    if (t.minRecall !== undefined) {
      targetResults.push({
        description: `${t.ruleId} recall ≥ ${t.minRecall.toFixed(2)}`,
        actual: fmt(score.recall) + missing,
        ok: score.inCatalog && score.recall !== undefined && score.recall >= t.minRecall,
      });
    }
  }
  targetResults.push({
    description: `clean drafts with an error ≤ ${pct(targets.maxCleanErrorShare)}`,
    actual: `${cleanErrorFiles.length}/${clean.length} (${pct(cleanShare)})`,
    ok: cleanShare <= targets.maxCleanErrorShare,
  });

  misses.sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.kind.localeCompare(b.kind) || a.file.localeCompare(b.file));
  return {
    drafts: labelled.length,
    clean: clean.length,
    unlabelled,
    byLanguage,
    rules,
    rulesByLanguage,
    cleanWithError: { count: cleanErrorFiles.length, share: cleanShare, files: cleanErrorFiles },
    exactMatches,
    targets: targetResults,
    ok: targetResults.every((t) => t.ok),
    misses,
  };
}

function table(rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function ruleRows(scores: readonly RuleScore[], targets: EvalTargets): string[][] {
  const rows = [['rule', 'labelled', 'reported', 'TP', 'FP', 'FN', 'precision', 'recall', 'target']];
  for (const s of scores) {
    const t = targets.rules.find((x) => x.ruleId === s.ruleId);
    const target = t ? [t.minPrecision !== undefined ? `P≥${t.minPrecision}` : '', t.minRecall !== undefined ? `R≥${t.minRecall}` : ''].filter(Boolean).join(' ') : '';
    rows.push([
      s.inCatalog ? s.ruleId : `${s.ruleId} (not in catalog)`,
      String(s.labelled),
      String(s.reported),
      String(s.tp),
      String(s.fp),
      String(s.fn),
      fmt(s.precision),
      fmt(s.recall),
      target,
    ]);
  }
  return rows;
}

/** Human-readable report (what `npm run eval` prints). */
export function formatReport(report: EvalReport, options: { corpus?: string; targets?: EvalTargets; misses?: boolean } = {}): string {
  const targets = options.targets ?? DEFAULT_TARGETS;
  const out: string[] = [];
  const langs = Object.entries(report.byLanguage)
    .map(([lang, s]) => `${lang} ${s.drafts}`)
    .join(', ');
  out.push(
    `Pesan evaluation${options.corpus ? ` of ${options.corpus}` : ''}: ${report.drafts} labelled drafts (${langs}), ` +
      `${report.clean} clean (${pct(report.drafts === 0 ? 0 : report.clean / report.drafts)})`,
  );
  if (report.unlabelled.length > 0) out.push(`Unlabelled drafts (not scored): ${report.unlabelled.join(', ')}`);
  out.push('');
  const right = new Set([1, 2, 3, 4, 5, 6, 7]);
  const hasTarget = (id: string): boolean => targets.rules.some((t) => t.ruleId === id);
  // Rules that neither are labelled nor reported anywhere are left out of the text (they stay in the JSON).
  out.push(...table(ruleRows(report.rules.filter((r) => r.labelled + r.reported > 0 || hasTarget(r.ruleId)), targets), right));
  out.push('');
  out.push('By language (rules with a target):');
  for (const [lang, scores] of Object.entries(report.rulesByLanguage)) {
    const s = report.byLanguage[lang]!;
    out.push(`  ${lang}: ${s.drafts} drafts, ${s.clean} clean`);
    out.push(...table(ruleRows(scores.filter((r) => hasTarget(r.ruleId)), targets), right).map((l) => `    ${l}`));
  }
  out.push('');
  out.push(`Clean drafts with an error: ${report.cleanWithError.count}/${report.clean} (${pct(report.cleanWithError.share)})`);
  for (const f of report.cleanWithError.files) out.push(`  ${f}`);
  out.push(`Drafts whose scored findings match their labels exactly: ${report.exactMatches}/${report.drafts} (${pct(report.drafts === 0 ? 0 : report.exactMatches / report.drafts)})`);
  if (options.misses !== false && report.misses.length > 0) {
    out.push('');
    out.push('Misses:');
    for (const m of report.misses) {
      if (m.kind === 'fp') out.push(`  FP ${m.ruleId}  ${m.file}:${m.finding!.line}:${m.finding!.column}  ${m.finding!.message}`);
      else out.push(`  FN ${m.ruleId}  ${m.file}`);
    }
  }
  out.push('');
  out.push('Targets:');
  for (const t of report.targets) out.push(`  ${t.ok ? 'ok  ' : 'MISS'}  ${t.description}: ${t.actual}`);
  out.push(report.ok ? 'All targets met.' : 'Some targets were missed.');
  return out.join('\n');
}
