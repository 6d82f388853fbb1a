import { createSourceFile, parseDraftFile, type LintSettings, type SourceFile } from '@pesan/core';
import { allRules } from '../rules/index.js';
import { predictCategory, UTILITY_CAP, type CategorySignal, type PredictedCategory } from './predict.js';

/**
 * `pesan explain`: the category prediction of every template in a file, with 1-based positions, as data (JSON output)
 * and as text. The CLI only reads files and the config; everything else is here.
 */

export interface ExplainedSignal {
  kind: CategorySignal['kind'];
  label: string;
  name: string;
  category: PredictedCategory;
  weight: number;
  text: string;
  where: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The rule that reports this signal on this draft (given its declared category), when there is one. */
  reportedBy?: string;
}

export interface ExplainedTemplate {
  /** Index of the template in its file. */
  index: number;
  name?: string;
  language?: string;
  declared?: string;
  predicted: PredictedCategory;
  scores: Record<PredictedCategory, number>;
  evidence: Record<PredictedCategory, number>;
  confidence: number;
  /** The declared category is one of the three and differs from the prediction. */
  mismatch: boolean;
  signals: ExplainedSignal[];
}

export interface ExplainedFile {
  filePath: string;
  templates: ExplainedTemplate[];
  /** Parse errors (the file or a template could not be read): `line:column: message`. */
  errors: string[];
}

const KNOWN = new Set(['UTILITY', 'MARKETING', 'AUTHENTICATION']);

/**
 * Whether the rule that owns a signal reports it on this draft: the rule applies to the declared category and the
 * signal points to another category (an OTP button in an AUTHENTICATION template is expected, not reported).
 */
function reportedOn(signal: CategorySignal, declared: string | undefined): boolean {
  if (!signal.reportedBy || !declared || declared === signal.category) return false;
  const rule = allRules.find((r) => r.meta.id === signal.reportedBy);
  const applies = rule?.meta.categories as readonly string[] | undefined;
  return !applies || applies.includes(declared);
}

/** Explains every template of a parsed source file. */
export function explainFile(file: SourceFile, settings: LintSettings = {}): ExplainedFile {
  const parsed = parseDraftFile(file);
  const errors = parsed.problems
    .filter((p) => p.ruleId === 'parse-error')
    .map((p) => {
      const at = file.lines.position(p.range[0]);
      return `${at.line}:${at.column}: ${p.message}`;
    });
  const templates = parsed.drafts.map((draft): ExplainedTemplate => {
    const p = predictCategory(draft, settings);
    const signals = p.signals.map((s): ExplainedSignal => {
      const start = file.lines.position(s.range[0]);
      const end = file.lines.position(s.range[1]);
      return { kind: s.kind, label: s.label, name: s.name, category: s.category, weight: s.weight, text: s.text, where: s.where, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, ...(s.reportedBy && reportedOn(s, p.declared) ? { reportedBy: s.reportedBy } : {}) };
    });
    return {
      index: draft.index,
      ...(draft.name ? { name: draft.name.value } : {}),
      ...(draft.language ? { language: draft.language.value } : {}),
      ...(p.declared ? { declared: p.declared } : {}),
      predicted: p.predicted,
      scores: p.scores,
      evidence: p.evidence,
      confidence: Math.round(p.confidence * 100) / 100,
      mismatch: p.declared !== undefined && KNOWN.has(p.declared) && p.declared !== p.predicted,
      signals,
    };
  });
  return { filePath: file.path, templates, errors };
}

/** Explains the text of a file (a byte-order mark is dropped, as `pesan lint` does). */
export function explainText(text: string, filePath: string, settings: LintSettings = {}): ExplainedFile {
  return explainFile(createSourceFile(filePath, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), settings);
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `\`${oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine}\``;
}

/** Human-readable report: one block per template, one line per signal with its file:line:col. */
export function formatExplanation(files: readonly ExplainedFile[]): string {
  const out: string[] = [];
  for (const f of files) {
    for (const e of f.errors) out.push(`${f.filePath}:${e}`);
    for (const t of f.templates) {
      const title = [t.name ?? '(no name)', t.language ? `(${t.language})` : ''].filter(Boolean).join(' ');
      out.push(`${f.filePath}${f.templates.length > 1 ? ` [template ${t.index + 1}]` : ''}: ${title}`);
      const scores = (['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const).map((c) => `${c} ${t.scores[c]}${c === 'UTILITY' && t.evidence.UTILITY > t.scores.UTILITY ? ` (evidence ${t.evidence.UTILITY}, capped at ${UTILITY_CAP})` : ''}`).join(', ');
      out.push(`  declared   ${t.declared ?? '(none)'}`);
      out.push(`  predicted  ${t.predicted}${t.mismatch ? '  (differs from the declared category)' : ''}`);
      out.push(`  scores     ${scores}; confidence ${Math.round(t.confidence * 100)}%`);
      if (t.signals.length === 0) out.push('  signals    none (UTILITY by default)');
      else {
        out.push('  signals');
        const locs = t.signals.map((s) => `${f.filePath}:${s.line}:${s.column}`);
        const width = Math.max(...locs.map((l) => l.length));
        const kinds = t.signals.map((s) => `${s.kind}/${s.label}`);
        const kindWidth = Math.max(...kinds.map((k) => k.length));
        t.signals.forEach((s, i) => {
          const by = s.reportedBy ? `  [reported by ${s.reportedBy}]` : '';
          out.push(`    ${locs[i]!.padEnd(width)}  +${s.weight} ${s.category.padEnd(14)} ${kinds[i]!.padEnd(kindWidth)}  ${s.name} ${quote(s.text)}${by}`);
        });
      }
      out.push('');
    }
  }
  return out.length > 0 ? `${out.join('\n').replace(/\n+$/, '')}\n` : '';
}
