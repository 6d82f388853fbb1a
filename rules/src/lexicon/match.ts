import { originalRange } from './fold.js';
import { addToIndex, compileTerm, emptyIndex, Inflector, matchPlaceholder, matchTermAt, scan, type CompiledEntry, type CompiledLanguage, type CompiledLexicons, type CompiledTerm, type MatchEnv, type RawMatch, type TermIndex } from './compile.js';
import { tokenize, type Token, type TokenizedText } from './tokenize.js';

/** One occurrence of a lexicon term in a text. Offsets index the ORIGINAL text (map them with MappedText). */
export interface LexiconMatch {
  kind: string;
  label: string;
  entryId: string;
  /** Lexicon language the entry comes from (`en`, `id`, `es`, `pt`; `config` for user vocabulary). */
  language: string;
  /** The term as written in the lexicon. */
  term: string;
  start: number;
  end: number;
  /** The matched original text. */
  text: string;
  /** A negation word governs the term ("no coupon needed", "tanpa biaya"). Callers decide what that means. */
  negated: boolean;
  /** Sentence number in the text (sentences end at `. ! ? ;` and line breaks). */
  sentence: number;
}

interface Analysis {
  tt: TokenizedText;
  /** First token index of each sentence number, and one past the last (computed on first use). */
  sentenceBounds: Map<number, [number, number]> | undefined;
  /** Matches per language and kind. */
  results: Map<CompiledLanguage, Map<string, LexiconMatch[]>>;
  /** Raw matches of every kind per language, from one combined scan. */
  raw: Map<CompiledLanguage, Map<string, RawMatch[]>>;
}

const CACHE_SIZE = 32;
const analyses = new Map<string, Analysis>();

function analyse(text: string): Analysis {
  const hit = analyses.get(text);
  if (hit) return hit;
  const a: Analysis = { tt: tokenize(text), sentenceBounds: undefined, results: new Map(), raw: new Map() };
  if (analyses.size >= CACHE_SIZE) analyses.delete(analyses.keys().next().value!);
  analyses.set(text, a);
  return a;
}

function anyAt(terms: readonly CompiledTerm[], toks: readonly Token[], from: number, to: number, env: MatchEnv, skip?: [number, number]): boolean {
  for (let i = from; i < to; i++) {
    if (skip && i >= skip[0] && i < skip[1]) continue;
    for (const term of terms) {
      const end = matchTermAt(term, toks, i, env);
      if (end > i && end <= to) return true;
    }
  }
  return false;
}

function hasBreak(toks: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (toks[i]!.kind === 'brk') return true;
  return false;
}

/** Whether the match lies inside an occurrence of one of `terms` (which must cover all of it). */
function insideAny(terms: readonly CompiledTerm[], toks: readonly Token[], m: RawMatch, env: MatchEnv): boolean {
  for (let i = Math.max(0, m.from - 6); i <= m.from; i++) {
    for (const term of terms) {
      const end = matchTermAt(term, toks, i, env);
      if (end >= m.to) return true;
    }
  }
  return false;
}

function toMatch(a: Analysis, m: RawMatch, entry: CompiledEntry, negated: boolean): LexiconMatch {
  const toks = a.tt.tokens;
  const [start, end] = originalRange(a.tt.folded, toks[m.from]!.start, toks[m.to - 1]!.end);
  return { kind: entry.kind, label: entry.label, entryId: entry.id, language: entry.language, term: m.term.source, start, end, text: a.tt.folded.original.slice(start, end), negated, sentence: toks[m.from]!.sentence };
}

/** Drops matches of one entry that overlap a longer (or earlier) match of the same entry. */
function dedupe(raw: RawMatch[]): RawMatch[] {
  if (raw.length < 2) return raw;
  raw.sort((x, y) => x.from - y.from || y.to - x.to);
  const lastEnd = new Map<CompiledEntry, number>();
  const out: RawMatch[] = [];
  for (const m of raw) {
    const e = m.term.entry;
    if ((lastEnd.get(e) ?? -1) > m.from) continue;
    lastEnd.set(e, m.to);
    out.push(m);
  }
  return out;
}

function sentenceRange(a: Analysis, sentence: number): [number, number] {
  if (!a.sentenceBounds) {
    const bounds = new Map<number, [number, number]>();
    a.tt.tokens.forEach((t, i) => {
      const b = bounds.get(t.sentence);
      if (b) b[1] = i + 1;
      else bounds.set(t.sentence, [i, i + 1]);
    });
    a.sentenceBounds = bounds;
  }
  return a.sentenceBounds.get(sentence)!;
}

const NO_MATCHES: LexiconMatch[] = [];

function languageMatches(a: Analysis, lang: CompiledLanguage, kind: string): LexiconMatch[] {
  let byKind = a.results.get(lang);
  if (!byKind) a.results.set(lang, (byKind = new Map()));
  const hit = byKind.get(kind);
  if (hit) return hit;
  const toks = a.tt.tokens;
  let rawByKind = a.raw.get(lang);
  if (!rawByKind) {
    rawByKind = new Map();
    for (const m of scan(lang.combined, toks, lang.env)) {
      const list = rawByKind.get(m.term.entry.kind);
      if (list) list.push(m);
      else rawByKind.set(m.term.entry.kind, [m]);
    }
    a.raw.set(lang, rawByKind);
  }
  const found = rawByKind.get(kind) ?? [];
  if (found.length === 0) {
    byKind.set(kind, NO_MATCHES);
    return NO_MATCHES;
  }
  const raw = dedupe(found);
  const out: LexiconMatch[] = [];
  let negBefore: RawMatch[] | undefined;
  let negAfter: RawMatch[] | undefined;
  const scope = lang.def.negation.scope;
  for (const m of raw) {
    const entry = m.term.entry;
    const sentence = toks[m.from]!.sentence;
    const [from, to] = entry.def.context === 'text' ? [0, toks.length] : sentenceRange(a, sentence);
    if (entry.requires && !anyAt(entry.requires, toks, from, to, lang.env, [m.from, m.to])) continue;
    if (entry.unless && anyAt(entry.unless, toks, from, to, lang.env)) continue;
    if (entry.except && insideAny(entry.except, toks, m, lang.env)) continue;
    let negated = false;
    if (!entry.def.ignore_negation) {
      // A negation word inside another term ("don't miss our offer", "no te pierdas") is not a negation.
      negBefore ??= scan(lang.negBefore, toks, lang.env).filter((n) => !raw.some((r) => r.from <= n.from && n.from < r.to));
      negAfter ??= scan(lang.negAfter, toks, lang.env);
      // The scope is `scope` tokens in the same clause: punctuation (`:` `,` `.`) ends it.
      negated =
        negBefore.some((n) => n.to <= m.from && m.from - n.to <= scope && !hasBreak(toks, n.to, m.from)) ||
        negAfter.some((n) => n.from >= m.to && n.from - m.to <= scope && !hasBreak(toks, m.to, n.from));
    }
    out.push(toMatch(a, m, entry, negated));
  }
  byKind.set(kind, out);
  return out;
}

// ----- user vocabulary (config `vocabulary: {accept, reject}`) -----------------------------------------------------

export interface Vocabulary {
  accept?: readonly string[];
  reject?: readonly string[];
}

interface CompiledVocabulary {
  accept: TermIndex;
  reject: TermIndex;
  env: MatchEnv;
}

const vocabularies = new Map<string, CompiledVocabulary>();
const plainEnv: MatchEnv = { inflector: new Inflector(undefined), currencies: new Set() };

function compileVocabulary(v: Vocabulary, lexicons: CompiledLexicons): CompiledVocabulary {
  const key = JSON.stringify([v.accept ?? [], v.reject ?? []]);
  const hit = vocabularies.get(key);
  if (hit) return hit;
  const currencies = new Set<string>();
  for (const l of lexicons.languages.values()) for (const c of l.env.currencies) currencies.add(c);
  const env: MatchEnv = { inflector: plainEnv.inflector, currencies };
  const build = (terms: readonly string[], label: string): TermIndex => {
    const index = emptyIndex();
    for (const t of terms) {
      const entry: CompiledEntry = { id: t, label, kind: 'vocabulary', language: 'config', file: 'config', def: { context: 'sentence', ignore_negation: true } as CompiledEntry['def'], terms: [], requires: undefined, unless: undefined, except: undefined };
      try {
        addToIndex(index, compileTerm(t, entry));
      } catch {
        // A vocabulary term without words (e.g. only punctuation) cannot match anything.
      }
    }
    return index;
  };
  const out = { accept: build(v.accept ?? [], 'accepted'), reject: build(v.reject ?? [], 'rejected'), env };
  if (vocabularies.size > 64) vocabularies.clear();
  vocabularies.set(key, out);
  return out;
}

// ----- public matching ---------------------------------------------------------------------------------------------

export interface FindOptions {
  /** Lexicon languages to use (from `languagesForCode`); default: every language. */
  languages?: readonly string[];
  /** Kinds to return (default: every phrase kind). */
  kinds?: readonly string[];
  /** User vocabulary: accepted terms never match; rejected terms are returned as kind `vocabulary`, label `rejected`. */
  vocabulary?: Vocabulary | undefined;
}

export function findIn(lexicons: CompiledLexicons, text: string, options: FindOptions = {}): LexiconMatch[] {
  if (text.length === 0) return [];
  const a = analyse(text);
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const phraseKinds = options.kinds ?? Object.keys(lexicons.kinds);
  let out: LexiconMatch[] = [];
  const codes = options.languages ?? [...lexicons.languages.keys()];
  for (const code of codes) {
    const lang = lexicons.languages.get(code);
    if (!lang) continue;
    for (const kind of phraseKinds) for (const m of languageMatches(a, lang, kind)) out.push(m);
  }
  if (codes.length > 1 && out.length > 1) {
    // The same phrase found by two languages' lexicons (e.g. `{percent} off`) is reported once.
    const seen = new Set<string>();
    out = out.filter((m) => {
      const key = `${m.kind}\0${m.label}\0${m.start}\0${m.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const v = options.vocabulary;
  if (v && ((v.accept?.length ?? 0) > 0 || (v.reject?.length ?? 0) > 0)) {
    const cv = compileVocabulary(v, lexicons);
    const toks = a.tt.tokens;
    if ((v.accept?.length ?? 0) > 0) {
      const accepted = scan(cv.accept, toks, cv.env).map((m) => originalRange(a.tt.folded, toks[m.from]!.start, toks[m.to - 1]!.end));
      if (accepted.length > 0) out = out.filter((m) => !accepted.some(([s, e]) => s < m.end && m.start < e));
    }
    if ((!kinds || kinds.has('vocabulary')) && (v.reject?.length ?? 0) > 0) {
      for (const m of dedupe(scan(cv.reject, toks, cv.env))) out.push(toMatch(a, m, m.term.entry, false));
    }
  }
  if (codes.length > 1 || out.some((m) => m.kind === 'vocabulary')) out.sort((x, y) => x.start - y.start || y.end - x.end);
  return out;
}

/** What a literal value (e.g. a parameter's example) looks like. */
export interface ValueShape {
  date: boolean;
  time: boolean;
  amount: boolean;
  /** An identifier: `#123`, letters glued to digits (`BK-55102`), or 4+ digits without separators. */
  id: boolean;
}

export function valueShapeIn(lexicons: CompiledLexicons, value: string, languages?: readonly string[]): ValueShape {
  const shape: ValueShape = { date: false, time: false, amount: false, id: false };
  const toks = analyse(value).tt.tokens.filter((t) => t.kind !== 'param');
  for (const code of languages ?? lexicons.languages.keys()) {
    const lang = lexicons.languages.get(code);
    if (!lang) continue;
    for (let i = 0; i < toks.length; i++) {
      if (!shape.date && matchPlaceholder('date', toks, i, lang.env) > 0) shape.date = true;
      if (!shape.time && matchPlaceholder('time', toks, i, lang.env) > 0) shape.time = true;
      if (!shape.amount && matchPlaceholder('money', toks, i, lang.env) > 0) shape.amount = true;
      if (!shape.id && matchPlaceholder('id', toks, i, lang.env) > 0 && (toks[i]!.kind !== 'num' || /^\d{4,}$/.test(toks[i]!.value))) shape.id = true;
    }
  }
  return shape;
}
