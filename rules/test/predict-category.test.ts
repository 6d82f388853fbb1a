import { createSourceFile, parseDraftFile, type Draft } from '@pesan/core';
import { describe, expect, it } from 'vitest';
import { mayHaveUnreportedSignal, predictCategory, UTILITY_CAP } from '../src/category/predict.js';
import { explainText, formatExplanation } from '../src/category/explain.js';
import { draft } from '../src/testing/rule-tester.js';

function parse(text: string, file = 'draft.md'): Draft {
  const d = parseDraftFile(createSourceFile(file, text)).drafts[0];
  if (!d) throw new Error('draft did not parse');
  return d;
}

describe('predictCategory', () => {
  it('predicts MARKETING for a saved-search match and marks the phrase', () => {
    const text = draft('We found a {{1}} near {{2}} that meets your saved search.', '', { name: 'alerts' });
    const p = predictCategory(parse(text));
    expect(p).toMatchObject({ declared: 'UTILITY', predicted: 'MARKETING', scores: { MARKETING: 4, UTILITY: 1, AUTHENTICATION: 0 } });
    expect(p.confidence).toBeCloseTo(0.8);
    const [s] = p.signals;
    expect(s).toMatchObject({ kind: 'marketing-intent', label: 'saved-search', category: 'MARKETING', weight: 4, where: 'body', reportedBy: undefined });
    expect(text.slice(s!.range[0], s!.range[1])).toBe('saved search');
  });

  it('counts each kind of signal once', () => {
    const p = predictCategory(parse(draft('Your saved search has new results. See your saved search in the app.', '', { name: 'alerts' })));
    expect(p.signals.filter((s) => s.label === 'saved-search')).toHaveLength(1);
    expect(p.scores.MARKETING).toBe(4);
  });

  it('treats mixed content as MARKETING: utility evidence is capped', () => {
    const p = predictCategory(parse(draft('Hi {{1}}, your order {{2}} has shipped, tracking number {{3}}, arriving on {{4}}. Get 20% off your next order!', '', { name: 'order_shipped' })));
    expect(p.predicted).toBe('MARKETING');
    expect(p.evidence.UTILITY).toBeGreaterThan(UTILITY_CAP);
    expect(p.scores.UTILITY).toBe(UTILITY_CAP);
    expect(p.signals[0]).toMatchObject({ kind: 'promotion', label: 'discount', reportedBy: 'no-promotional-content' });
    // strongest first
    expect(p.signals.map((s) => s.weight)).toEqual([...p.signals.map((s) => s.weight)].sort((a, b) => b - a));
  });

  it('lets utility evidence hold off a weak marketing signal (Indonesian)', () => {
    const p = predictCategory(parse(draft('Pesanan {{1}} sudah dikirim dengan nomor resi {{2}}. 🎉🎉', '', { name: 'pesanan_dikirim', language: 'id' })));
    expect(p.predicted).toBe('UTILITY');
    expect(p.signals.some((s) => s.label === 'emoji-cluster' && s.weight === 2)).toBe(true);
    expect(p.signals.some((s) => s.kind === 'use-case')).toBe(true);
    expect(p.signals.some((s) => s.kind === 'transaction-detail')).toBe(true);
  });

  it('predicts AUTHENTICATION for a passcode, even next to an offer (Spanish)', () => {
    const p = predictCategory(parse(draft('Tu código de verificación es {{1}}. ¡Mira las ofertas de la semana!', 'footer: "Responde BAJA para darte de baja"', { name: 'codigo', category: 'MARKETING', language: 'es_MX' })));
    expect(p.predicted).toBe('AUTHENTICATION');
    expect(p.signals[0]).toMatchObject({ kind: 'otp', weight: 5, reportedBy: 'otp-outside-authentication' });
  });

  it('keeps a plain UTILITY template UTILITY with no marketing signal', () => {
    const p = predictCategory(parse(draft('Tagihan Rp {{1}} untuk nomor pelanggan {{2}} jatuh tempo {{3}}.', '', { name: 'pengingat_tagihan', language: 'id' })));
    expect(p.predicted).toBe('UTILITY');
    expect(p.signals.every((s) => s.category === 'UTILITY')).toBe(true);
  });

  it('is cached per draft and settings', () => {
    const d = parse(draft('We found a {{1}} that meets your saved search.', '', { name: 'alerts' }));
    const settings = {};
    expect(predictCategory(d, settings)).toBe(predictCategory(d, settings));
    expect(predictCategory(d, { vocabulary: { accept: ['saved search'], reject: [] } }).predicted).toBe('UTILITY');
  });
});

describe('mayHaveUnreportedSignal', () => {
  it('is false for plain drafts and for drafts whose promotion another rule reports', () => {
    expect(mayHaveUnreportedSignal(parse(draft('Your order {{1}} has shipped.', '', { name: 'order_shipped' })), {})).toBe(false);
    expect(mayHaveUnreportedSignal(parse(draft('We found a {{1}} for your saved search. Shop now!', '', { name: 'alerts' })), {})).toBe(false);
  });
  it('is true for a marketing intent or a numeric copy code', () => {
    expect(mayHaveUnreportedSignal(parse(draft('Encontramos um {{1}} que combina com a sua busca salva.', '', { name: 'busca', language: 'pt_BR' })), {})).toBe(true);
    expect(mayHaveUnreportedSignal(parse(draft('Tap below to copy your code.', 'buttons:\n  - {type: copy_code, example: "482913"}', { name: 'code' })), {})).toBe(true);
  });
});

describe('explainText / formatExplanation', () => {
  it('gives 1-based positions and a readable report', () => {
    const text = draft('We found a {{1}} near {{2}} that meets your saved search.', '', { name: 'alerts' });
    const explained = explainText(text, 'drafts/alerts.md');
    expect(explained.errors).toEqual([]);
    const [t] = explained.templates;
    expect(t).toMatchObject({ name: 'alerts', declared: 'UTILITY', predicted: 'MARKETING', mismatch: true });
    expect(t!.signals[0]).toMatchObject({ line: 6, column: 45, endLine: 6, endColumn: 57, text: 'saved search' });
    const report = formatExplanation([explained]);
    expect(report).toContain('drafts/alerts.md: alerts (en_US)');
    expect(report).toMatch(/drafts\/alerts\.md:6:45 +\+4 MARKETING +marketing-intent\/saved-search +saved-search match `saved search`/);
  });
  it('shows `reported by` only where the owning rule applies to the declared category', () => {
    const promo = 'Hi {{1}}, get 20% off all jackets this weekend.';
    const utility = explainText(draft(promo, '', { name: 'sale' }), 'a.md').templates[0]!;
    const marketing = explainText(draft(promo, 'footer: "Reply STOP to unsubscribe"', { name: 'sale', category: 'MARKETING' }), 'b.md').templates[0]!;
    expect(utility.signals.find((s) => s.label === 'discount')?.reportedBy).toBe('no-promotional-content');
    expect(marketing.signals.find((s) => s.label === 'discount')?.reportedBy).toBeUndefined();
    expect(marketing.mismatch).toBe(false);
  });
  it('reports parse errors with their position', () => {
    const explained = explainText('---\nname: [unclosed\n---\nHello\n', 'broken.md');
    expect(explained.templates).toEqual([]);
    expect(explained.errors[0]).toMatch(/^\d+:\d+: /);
  });
});
