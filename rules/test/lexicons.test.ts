import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LEXICON_DIR,
  findTerms,
  getLexicons,
  isOptOutKeyword,
  languagesForCode,
  LexiconError,
  loadLexicons,
  optOutKeywords,
  selfTest,
  foldText,
  originalRange,
} from '../src/lexicon/index.js';

describe('lexicon files', () => {
  it('load and validate', () => {
    const lex = getLexicons();
    expect([...lex.languages.keys()].sort()).toEqual(['en', 'es', 'id', 'pt']);
  });
  it('pass every entry self-test (matches / does_not_match)', () => {
    const failures = selfTest();
    expect(failures.map((f) => `${f.file} ${f.entry}: expected ${f.expectation === 'matches' ? 'a match' : 'no match'} in "${f.text}"${f.found ? ` (found "${f.found}")` : ''}`)).toEqual([]);
  });
});

describe('language detection', () => {
  it('maps template codes to lexicon languages', () => {
    expect(languagesForCode('en_US')).toEqual(['en']);
    expect(languagesForCode('pt_BR')).toEqual(['pt']);
    expect(languagesForCode('es_MX')).toEqual(['es']);
    expect(languagesForCode('id')).toEqual(['id']);
  });
  it('falls back to every language for unknown or missing codes', () => {
    expect(languagesForCode('fr').sort()).toEqual(['en', 'es', 'id', 'pt']);
    expect(languagesForCode(undefined).length).toBe(4);
  });
});

describe('matching', () => {
  it('is case-, accent- and width-insensitive and maps back to the original text', () => {
    const text = 'Ｐｒｏｍｏção válida: PROMOÇÕES';
    const f = foldText(text);
    expect(f.text).toBe('promocao valida: promocoes');
    const at = f.text.indexOf('promocoes');
    expect(text.slice(...originalRange(f, at, at + 'promocoes'.length))).toBe('PROMOÇÕES');
  });
  it('maps decomposed accents and ligatures back to whole original characters', () => {
    const text = 'Sua promoc\u0327a\u0303o ﬁnal: PROMOÇÃO';
    const found = findTerms(text, { languages: ['pt'], kinds: ['promotion'] });
    expect(found.map((m) => m.text)).toEqual(['promoc\u0327a\u0303o', 'PROMOÇÃO']);
  });
  it('reports exact original offsets', () => {
    const text = 'Halo {{1}}! Dapatkan diskon 20% untuk pembelian berikutnya.';
    const m = findTerms(text, { languages: ['id'], kinds: ['promotion'] }).filter((x) => !x.negated);
    expect(m.length).toBeGreaterThan(0);
    expect(m.some((x) => x.label === 'discount' && text.slice(x.start, x.end) === x.text)).toBe(true);
  });
  it('applies user vocabulary: accepted terms never match, rejected terms are reported', () => {
    const text = 'Use promo code SAVE10 at checkout. Hotdeal inside.';
    const base = findTerms(text, { languages: ['en'], kinds: ['promotion', 'vocabulary'] });
    expect(base.some((m) => m.label === 'coupon')).toBe(true);
    const accepted = findTerms(text, { languages: ['en'], kinds: ['promotion', 'vocabulary'], vocabulary: { accept: ['promo code'], reject: ['hotdeal'] } });
    expect(accepted.some((m) => m.label === 'coupon')).toBe(false);
    expect(accepted.filter((m) => m.kind === 'vocabulary').map((m) => m.text)).toEqual(['Hotdeal']);
  });
});

describe('opt-out keywords', () => {
  it('match a whole reply only', () => {
    expect(isOptOutKeyword(' STOP! 🙏')).toBe(true);
    expect(isOptOutKeyword('Berhenti', 'id')).toBe(true);
    expect(isOptOutKeyword('parar promoções', 'pt_BR')).toBe(true);
    expect(isOptOutKeyword('BAJA', 'es_MX')).toBe(true);
    expect(isOptOutKeyword('stop sending me the wrong size', 'en')).toBe(false);
  });
  it('never treat CANCEL / CANCELAR as an opt-out', () => {
    for (const code of [undefined, 'en', 'es', 'pt_BR', 'id']) {
      expect(isOptOutKeyword('CANCEL', code)).toBe(false);
      expect(isOptOutKeyword('cancelar', code)).toBe(false);
    }
  });
  it('lists the keywords for a language', () => {
    expect(optOutKeywords('es_MX')).toEqual(expect.arrayContaining(['baja', 'parar', 'detener']));
    expect(optOutKeywords()).toEqual(expect.arrayContaining(['stop', 'unsubscribe', 'stop promotions', 'berhenti', 'sair']));
  });
});

describe('malformed lexicons', () => {
  function copyBase(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lexicon-'));
    writeFileSync(path.join(dir, 'kinds.yaml'), readFileSync(path.join(DEFAULT_LEXICON_DIR, 'kinds.yaml')));
    mkdirSync(path.join(dir, 'en'));
    writeFileSync(path.join(dir, 'en', 'language.yaml'), readFileSync(path.join(DEFAULT_LEXICON_DIR, 'en', 'language.yaml')));
    return dir;
  }
  it('names the file and the entry of a schema error', () => {
    const dir = copyBase();
    writeFileSync(path.join(dir, 'en', 'promotion.yaml'), 'entries:\n  - id: ok\n    label: discount\n    terms: [discount]\n    matches: [a discount]\n    does_not_match: [none]\n  - id: broken\n    label: discount\n    terms: []\n    matches: [x]\n    does_not_match: [y]\n');
    expect(() => loadLexicons(dir)).toThrow(LexiconError);
    expect(() => loadLexicons(dir)).toThrow(/promotion\.yaml: entry "broken" \(entries\[1\]\): entries\.1\.terms/);
  });
  it('rejects a label that the kind does not declare', () => {
    const dir = copyBase();
    writeFileSync(path.join(dir, 'en', 'promotion.yaml'), 'entries:\n  - id: odd\n    label: bargain\n    terms: [bargain]\n    matches: [a bargain]\n    does_not_match: [none]\n');
    expect(() => loadLexicons(dir)).toThrow(/entry "odd" \(entries\[0\]\): label "bargain" is not a label of kind promotion/);
  });
  it('rejects a bad term syntax and an unknown kind', () => {
    const dir = copyBase();
    writeFileSync(path.join(dir, 'en', 'promotion.yaml'), 'entries:\n  - id: ph\n    label: discount\n    terms: ["{amount} off"]\n    matches: [x]\n    does_not_match: [y]\n');
    expect(() => loadLexicons(dir)).toThrow(/unknown placeholder \{amount\}/);
    writeFileSync(path.join(dir, 'en', 'promotion.yaml'), 'entries:\n  - id: ph\n    label: discount\n    terms: ["pr*"]\n    matches: [x]\n    does_not_match: [y]\n');
    expect(() => loadLexicons(dir)).toThrow(/needs at least 3 letters/);
    writeFileSync(path.join(dir, 'en', 'promotion.yaml'), 'entries: [{id: a, label: discount, terms: [a], matches: [a], does_not_match: [b]}]\n');
    writeFileSync(path.join(dir, 'en', 'bargains.yaml'), 'entries: []\n');
    expect(() => loadLexicons(dir)).toThrow(/bargains\.yaml: unknown kind "bargains"/);
  });
  it('reports invalid YAML with the file name', () => {
    const dir = copyBase();
    writeFileSync(path.join(dir, 'en', 'promotion.yaml'), 'entries: [\n');
    expect(() => loadLexicons(dir)).toThrow(/promotion\.yaml: invalid YAML/);
  });
});
