import { describe, expect, it } from 'vitest';
import { defaultConfig, defineRule, Linter, type RuleCatalog } from '@pesan/core';
import { lintCorpus, labelsOf, languageOf, type CorpusSource } from '../src/eval/corpus.js';
import { CLEAN_LABEL, formatReport, scoreCorpus, type CorpusEntry, type EvalTargets } from '../src/eval/score.js';
import { exampleDraft } from '../src/util/drafts.js';
import { docsUrl } from '../src/catalog.js';

// Two toy compliance rules, so the scoring is tested independently of the real lexicons.
const promo = defineRule({
  meta: {
    id: 'toy-promo',
    description: 'Reports "% off".',
    type: 'compliance',
    area: 'content',
    defaultSeverity: 'error',
    messages: { promo: 'Unexpected promotion' },
    docs: { rationale: 'test', sources: [], valid: [], invalid: [] },
  },
  check({ draft, report }) {
    const text = draft.body?.text.text ?? '';
    const i = text.indexOf('% off');
    if (draft.body && i >= 0) report({ messageId: 'promo', range: draft.body.text.fileRange(i, i + 5) });
  },
});
const shouting = defineRule({
  meta: {
    id: 'toy-shouting',
    description: 'Reports "NOW".',
    type: 'compliance',
    area: 'content',
    defaultSeverity: 'info',
    messages: { loud: 'Unexpected shouting' },
    docs: { rationale: 'test', sources: [], valid: [], invalid: [] },
  },
  check({ draft, report }) {
    const text = draft.body?.text.text ?? '';
    const i = text.indexOf('NOW');
    if (draft.body && i >= 0) report({ messageId: 'loud', range: draft.body.text.fileRange(i, i + 3) });
  },
});

const catalog: RuleCatalog = { rules: [promo, shouting], version: 'test', docsUrl };
const linter = new Linter(catalog);
const config = defaultConfig(linter.fullCatalog, process.cwd());

const md = (name: string, expectLine: string, body: string, language = 'en_US'): CorpusSource => ({
  path: `corpus/${name}.md`,
  text: exampleDraft(body, expectLine, { name, language }),
});

const sources: CorpusSource[] = [
  md('a_promo_hit', 'expect: [toy-promo]', 'Your order A-1 shipped. Get 20% off next time.'),
  md('b_promo_missed', 'expect: [toy-promo]', 'Your order A-2 shipped. Get a discount next time.'),
  md('c_clean', 'expect: [clean]', 'Your order A-3 shipped and arrives on Friday.'),
  md('d_clean_false_alarm', 'expect: [clean]', 'Your refund of 20% off the fare was processed.', 'id'),
  md('e_two_labels', 'expect: [toy-promo, toy-shouting]', 'Order A-5 shipped. 10% off, buy NOW.'),
  md('f_unlabelled', '', 'Order A-6 shipped on Monday morning.'),
  {
    path: 'corpus/g_json.json',
    text: JSON.stringify({ name: 'g_json', language: 'pt_BR', category: 'UTILITY', expect: ['toy-shouting'], components: [{ type: 'BODY', text: 'Pedido A-7 enviado. Compre NOW.' }] }),
  },
];

const targets: EvalTargets = { rules: [{ ruleId: 'toy-promo', minPrecision: 0.6, minRecall: 0.6 }], maxCleanErrorShare: 0.5 };

describe('eval scoring', () => {
  const entries = lintCorpus(linter, sources, { configFor: () => config, ensureOn: ['toy-shouting'] });
  const report = scoreCorpus(entries, { scoredRules: ['toy-promo', 'toy-shouting'], catalogRules: linter.rules.map((r) => r.meta.id), targets });

  it('reads labels from front matter and from Meta JSON', () => {
    expect(labelsOf(sources[0]!).labels).toEqual(['toy-promo']);
    expect(labelsOf(sources[6]!)).toEqual({ labels: ['toy-shouting'], language: 'pt_BR' });
    expect(labelsOf(sources[5]!).labels).toEqual([]);
    expect(languageOf('es_MX')).toBe('es');
    expect(languageOf(undefined)).toBe('unknown');
  });

  it('turns on a labelled rule that is off in recommended (info)', () => {
    const g = entries.find((e) => e.file.endsWith('g_json.json'))!;
    expect(g.findings.map((f) => [f.ruleId, f.severity])).toEqual([['toy-shouting', 1]]);
  });

  it('counts TP, FP and FN per draft and per rule', () => {
    const p = report.rules.find((r) => r.ruleId === 'toy-promo')!;
    // a, e hit; b missed; d reported on a clean draft
    expect(p).toMatchObject({ labelled: 3, reported: 3, tp: 2, fp: 1, fn: 1, inCatalog: true });
    expect(p.precision).toBeCloseTo(2 / 3);
    expect(p.recall).toBeCloseTo(2 / 3);
    const s = report.rules.find((r) => r.ruleId === 'toy-shouting')!;
    expect(s).toMatchObject({ labelled: 2, reported: 2, tp: 2, fp: 0, fn: 0, precision: 1, recall: 1 });
  });

  it('leaves unlabelled drafts out and reports them', () => {
    expect(report.drafts).toBe(6);
    expect(report.unlabelled).toEqual(['corpus/f_unlabelled.md']);
    expect(report.clean).toBe(2);
    expect(report.byLanguage).toEqual({ en: { drafts: 4, clean: 1 }, id: { drafts: 1, clean: 1 }, pt: { drafts: 1, clean: 0 } });
  });

  it('measures clean drafts with an error and exact matches', () => {
    expect(report.cleanWithError).toEqual({ count: 1, share: 0.5, files: ['corpus/d_clean_false_alarm.md'] });
    // a, c, e, g match exactly; b (missed) and d (false alarm) do not
    expect(report.exactMatches).toBe(4);
  });

  it('lists the misses with the first finding of a false positive', () => {
    expect(report.misses.map((m) => [m.kind, m.ruleId, m.file])).toEqual([
      ['fn', 'toy-promo', 'corpus/b_promo_missed.md'],
      ['fp', 'toy-promo', 'corpus/d_clean_false_alarm.md'],
    ]);
    expect(report.misses[1]!.finding).toMatchObject({ line: 7, column: 18, severity: 2 });
  });

  it('checks the targets', () => {
    expect(report.targets.map((t) => t.ok)).toEqual([true, true, true]);
    expect(report.ok).toBe(true);
    const strict = scoreCorpus(entries, { scoredRules: [], targets: { rules: [{ ruleId: 'toy-promo', minPrecision: 0.9 }], maxCleanErrorShare: 0.05 } });
    expect(strict.targets.map((t) => [t.description, t.actual, t.ok])).toEqual([
      ['toy-promo precision ≥ 0.90', '0.667', false],
      ['clean drafts with an error ≤ 5.0%', '1/2 (50.0%)', false],
    ]);
    expect(strict.ok).toBe(false);
  });

  it('fails a target whose rule is not in the catalog', () => {
    const missing = scoreCorpus(entries, { scoredRules: [], catalogRules: ['toy-promo'], targets: { rules: [{ ruleId: 'toy-later', minRecall: 0.5 }], maxCleanErrorShare: 1 } });
    expect(missing.targets[0]).toEqual({ description: 'toy-later recall ≥ 0.50', actual: 'n/a (rule not in the catalog)', ok: false });
  });

  it('treats a rule that never reports and is never labelled as undefined precision and recall', () => {
    const idle = scoreCorpus([{ file: 'x.md', language: 'en', labels: [CLEAN_LABEL], findings: [] }] satisfies CorpusEntry[], { scoredRules: ['toy-promo'], targets: { rules: [], maxCleanErrorShare: 0 } });
    expect(idle.rules[0]).toMatchObject({ precision: undefined, recall: undefined });
    expect(idle.ok).toBe(true);
  });

  it('formats a readable report', () => {
    const text = formatReport(report, { corpus: 'corpus', targets });
    expect(text).toContain('6 labelled drafts (en 4, id 1, pt 1), 2 clean (33.3%)');
    expect(text).toMatch(/toy-promo\s+3\s+3\s+2\s+1\s+1\s+0\.667\s+0\.667\s+P≥0\.6 R≥0\.6/);
    expect(text).toContain('FP toy-promo  corpus/d_clean_false_alarm.md:7:18  Unexpected promotion');
    expect(text).toContain('Clean drafts with an error: 1/2 (50.0%)');
    expect(text).toContain('All targets met.');
  });
});
