import { foldText, originalRange, type FoldedText } from './fold.js';
import { addToIndex, compileTerm, emptyIndex, firstLiteralIds, Inflector, makeView, matchPlaceholder, matchTermAt, mayStartAt, scan, type CompiledEntry, type CompiledLanguage, type CompiledLexicons, type CompiledTerm, type MatchEnv, type RawMatch, type TermIndex, type TokenView } from './compile.js';
import { BRK, limitTable, NUM, PARAM, tableGeneration, tokenList, valueOf, type TokenList } from './tokenize.js';

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
  text: string;
  /** `sampleHash(text)`. */
  hash: number;
  folded: FoldedText;
  tl: TokenList;
  /** Per language (by `slot`): one scan of the text, and the matches per kind computed from it. */
  langs: (LanguageAnalysis | undefined)[];
}

interface LanguageAnalysis {
  lang: CompiledLanguage;
  view: TokenView;
  /** Raw matches of every phrase kind and of the negation words, from one scan with the language's `scanIndex`. */
  found: RawMatch[];
  /** Bit `kindSlot` set when `found` has a match of that kind (kinds 0–30; bit 31: a kind beyond). */
  kindMask: number;
  /** Negation words and phrases (before / after a term), from `found` (on first use). */
  negBefore: RawMatch[] | undefined;
  negAfter: RawMatch[] | undefined;
  /** Matches per kind (by `kindSlot`, computed on first request; kinds without matches are not stored). */
  results: (LexiconMatch[] | undefined)[] | undefined;
}

/**
 * Analyses of the last CACHE_SIZE short texts, found by content: a bucket per cheap hash of the text (its length and
 * a few of its characters; hashing a whole new string, as a Map with string keys does, costs as much as reading it),
 * then compared in full. A ring of the entries: the oldest is dropped first. Only texts that repeat across drafts
 * are worth keeping this long (footers, button labels, headers, example values): a body practically never repeats,
 * and keeping each body's tokens and matches for the next ~300 drafts made the garbage collector copy them into
 * the old generation (about a third of what a large run promoted there).
 */
const CACHE_SIZE = 1024;
const MAX_CACHED_LENGTH = 100;
const buckets = new Map<number, Analysis[]>();
const ring: (Analysis | undefined)[] = new Array<Analysis | undefined>(CACHE_SIZE);
let ringAt = 0;

/**
 * The texts of the last few calls (the rules of a draft ask about its few texts, in turn): most calls pass one of
 * these very string objects, found here by plain comparison (identity first) before any hashing. Enough of them that
 * a draft's body stays here while its other texts and example values are looked at.
 */
const RECENT = 16;
const recent: (Analysis | undefined)[] = new Array<Analysis | undefined>(RECENT);
let recentAt = 0;

function analyse(text: string): Analysis {
  // Newest first (a draft's rules go through its few texts in turn), lengths before contents.
  const n = text.length;
  for (let k = 1; k <= RECENT; k++) {
    const r = recent[(recentAt - k + RECENT) % RECENT];
    if (r !== undefined && r.text.length === n && r.text === text && r.tl.gen === tableGeneration()) return r;
  }
  const a = lookup(text);
  recent[recentAt] = a;
  recentAt = (recentAt + 1) % RECENT;
  return a;
}

function sampleHash(text: string): number {
  const n = text.length;
  let h = Math.imul(n, 0x9e3779b1);
  // Up to 16 characters spread over the text, and the first and last ones.
  const step = n > 16 ? (n / 16) | 0 : 1;
  for (let i = 0; i < n; i += step) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  if (n > 0) h = Math.imul(h ^ text.charCodeAt(n - 1), 0x01000193);
  return h;
}

function lookup(text: string): Analysis {
  const h = sampleHash(text);
  const bucket = buckets.get(h);
  if (bucket !== undefined) {
    for (const hit of bucket) {
      if (hit.text !== text) continue;
      if (hit.tl.gen !== tableGeneration()) {
        // The token value table was reset since (it is bounded): tokenize again.
        limitTable();
        hit.tl = tokenList(hit.folded.text);
        hit.langs = [];
      }
      return hit;
    }
  }
  limitTable();
  const folded = foldText(text);
  const a: Analysis = { text, hash: h, folded, tl: tokenList(folded.text), langs: [] };
  if (text.length > MAX_CACHED_LENGTH) return a;
  const old = ring[ringAt];
  if (old !== undefined) {
    const list = buckets.get(old.hash)!;
    if (list.length === 1) buckets.delete(old.hash);
    else list.splice(list.indexOf(old), 1);
  }
  ring[ringAt] = a;
  ringAt = (ringAt + 1) % CACHE_SIZE;
  // (The bucket may have just been emptied and dropped by the eviction above.)
  const list = buckets.get(h);
  if (list !== undefined) list.push(a);
  else buckets.set(h, [a]);
  return a;
}

/**
 * First and last token where one of `terms` starts and ends inside `[from, to)` (-1 when none): enough to tell
 * whether one starts outside any skip range `[s, e)`: `first >= 0 && (first < s || last >= e)`.
 */
function occurrences(terms: readonly CompiledTerm[], view: TokenView, from: number, to: number): { first: number; last: number } {
  const firsts = firstLiteralIds(terms);
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    for (let k = 0; k < terms.length; k++) {
      if (!mayStartAt(view, i, firsts[k]!)) continue;
      const end = matchTermAt(terms[k]!, view, i);
      if (end > i && end <= to) {
        if (first < 0) first = i;
        last = i;
        break;
      }
    }
  }
  return { first, last };
}

function hasBreak(tl: TokenList, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((tl.d[4 * i + 3]! & 7) === BRK) return true;
  return false;
}

/** Whether the match lies inside an occurrence of one of `terms` (which must cover all of it). */
function insideAny(terms: readonly CompiledTerm[], view: TokenView, m: RawMatch): boolean {
  const firsts = firstLiteralIds(terms);
  for (let i = Math.max(0, m.from - 6); i <= m.from; i++) {
    for (let k = 0; k < terms.length; k++) {
      if (!mayStartAt(view, i, firsts[k]!)) continue;
      const end = matchTermAt(terms[k]!, view, i);
      if (end >= m.to) return true;
    }
  }
  return false;
}

function toMatch(a: Analysis, m: RawMatch, entry: CompiledEntry, negated: boolean): LexiconMatch {
  const d = a.tl.d;
  let start = d[4 * m.from + 1]!;
  let end = d[4 * (m.to - 1) + 2]!;
  if (a.folded.shifts) [start, end] = originalRange(a.folded, start, end);
  return { kind: entry.kind, label: entry.label, entryId: entry.id, language: entry.language, term: m.term.source, start, end, text: a.folded.original.slice(start, end), negated, sentence: d[4 * m.from + 3]! >> 3 };
}

/**
 * Drops matches of one entry that overlap a longer (or earlier) match of the same entry. Sorts `raw` in place by
 * start, longer first (a stable insertion sort: the scan already emits matches by start, so this is linear).
 */
function dedupe(raw: RawMatch[]): RawMatch[] {
  if (raw.length < 2) return raw;
  for (let i = 1; i < raw.length; i++) {
    const m = raw[i]!;
    let j = i - 1;
    while (j >= 0 && (raw[j]!.from > m.from || (raw[j]!.from === m.from && raw[j]!.to < m.to))) {
      raw[j + 1] = raw[j]!;
      j--;
    }
    raw[j + 1] = m;
  }
  const out: RawMatch[] = [];
  for (const m of raw) {
    // The end of the last kept match of the same entry (the lists are short: look back).
    const e = m.term.entry;
    let lastEnd = -1;
    for (let k = out.length - 1; k >= 0; k--) {
      if (out[k]!.term.entry === e) {
        lastEnd = out[k]!.to;
        break;
      }
    }
    if (lastEnd > m.from) continue;
    out.push(m);
  }
  return out;
}

/** The negation matches that do not start inside one of `raw`'s matches. */
function outsideAll(negations: readonly RawMatch[], raw: readonly RawMatch[]): RawMatch[] {
  const out: RawMatch[] = [];
  for (const n of negations) {
    let inside = false;
    for (const r of raw) {
      if (r.from <= n.from && n.from < r.to) {
        inside = true;
        break;
      }
    }
    if (!inside) out.push(n);
  }
  return out;
}

const NO_MATCHES: LexiconMatch[] = [];
const NO_RAW: RawMatch[] = [];

function languageAnalysis(a: Analysis, lang: CompiledLanguage): LanguageAnalysis {
  // (`langs` starts empty: reading past its end would make V8 drop this function's optimised code.)
  const hit = lang.slot < a.langs.length ? a.langs[lang.slot] : undefined;
  if (hit !== undefined && hit.lang === lang) return hit;
  const view = makeView(a.tl, lang.scanIndex, lang.env);
  const found = scan(view);
  let kindMask = 0;
  for (const m of found) {
    const slot = m.term.entry.kindSlot;
    if (slot >= 0) kindMask |= 1 << Math.min(slot, 31);
  }
  const la: LanguageAnalysis = { lang, view, found, kindMask, negBefore: undefined, negAfter: undefined, results: undefined };
  a.langs[lang.slot] = la;
  return la;
}

/** The raw matches of one entry (a negation pseudo-entry) in scan order. */
function negations(found: readonly RawMatch[], entry: CompiledEntry): RawMatch[] {
  let out: RawMatch[] | undefined;
  for (const m of found) if (m.term.entry === entry) (out ??= []).push(m);
  return out ?? NO_RAW;
}

function languageMatches(a: Analysis, lang: CompiledLanguage, slot: number): LexiconMatch[] {
  const la = languageAnalysis(a, lang);
  if ((la.kindMask & (1 << Math.min(slot, 31))) === 0) return NO_MATCHES;
  const hit = la.results?.[slot];
  if (hit !== undefined) return hit;
  // The raw matches of the kind, in scan order.
  let found: RawMatch[] | undefined;
  for (const m of la.found) if (m.term.entry.kindSlot === slot) (found ??= []).push(m);
  if (found === undefined) return NO_MATCHES;
  const tl = a.tl;
  const d = tl.d;
  const view = la.view;
  const raw = dedupe(found);
  const out: LexiconMatch[] = [];
  let negBefore: RawMatch[] | undefined;
  const negAfter = (la.negAfter ??= negations(la.found, lang.negAfterEntry));
  const allBefore = (la.negBefore ??= negations(la.found, lang.negBeforeEntry));
  const scope = lang.def.negation.scope;
  // Sentence bounds and `requires` / `unless` occurrences are the same for every match of one sentence: computed
  // once each (many matches in one huge sentence or text would otherwise rescan it per match: quadratic).
  let sentences: Map<number, readonly [number, number]> | undefined;
  let seen: Map<readonly CompiledTerm[], Map<number, { first: number; last: number }>> | undefined;
  const occurrencesIn = (terms: readonly CompiledTerm[], from: number, to: number): { first: number; last: number } => {
    let byRange = (seen ??= new Map()).get(terms);
    if (byRange === undefined) seen.set(terms, (byRange = new Map()));
    const key = from * (tl.n + 1) + to;
    let hit = byRange.get(key);
    if (hit === undefined) byRange.set(key, (hit = occurrences(terms, view, from, to)));
    return hit;
  };
  for (const m of raw) {
    const entry = m.term.entry;
    if (entry.requires !== undefined || entry.unless !== undefined) {
      // The sentence of the match (sentences are runs of tokens with one number), or the whole text.
      let from = 0;
      let to = tl.n;
      if (entry.def.context !== 'text') {
        const sentence = d[4 * m.from + 3]! >> 3;
        let bounds = (sentences ??= new Map()).get(sentence);
        if (bounds === undefined || m.from < bounds[0] || m.from >= bounds[1]) {
          let s = m.from;
          while (s > 0 && d[4 * (s - 1) + 3]! >> 3 === sentence) s--;
          let e = m.from + 1;
          while (e < tl.n && d[4 * e + 3]! >> 3 === sentence) e++;
          sentences.set(sentence, (bounds = [s, e] as const));
        }
        [from, to] = bounds;
      }
      if (entry.requires) {
        const o = occurrencesIn(entry.requires, from, to);
        if (!(o.first >= 0 && (o.first < m.from || o.last >= m.to))) continue;
      }
      if (entry.unless && occurrencesIn(entry.unless, from, to).first >= 0) continue;
    }
    if (entry.except && insideAny(entry.except, view, m)) continue;
    let negated = false;
    if (!entry.def.ignore_negation && (allBefore.length > 0 || negAfter.length > 0)) {
      // A negation word inside another term ("don't miss our offer", "no te pierdas") is not a negation.
      negBefore ??= allBefore.length === 0 ? allBefore : outsideAll(allBefore, raw);
      // The scope is `scope` tokens in the same clause: punctuation (`:` `,` `.`) ends it.
      for (const n of negBefore) {
        if (n.to <= m.from && m.from - n.to <= scope && !hasBreak(tl, n.to, m.from)) {
          negated = true;
          break;
        }
      }
      if (!negated) {
        for (const n of negAfter) {
          if (n.from >= m.to && n.from - m.to <= scope && !hasBreak(tl, m.to, n.from)) {
            negated = true;
            break;
          }
        }
      }
    }
    out.push(toMatch(a, m, entry, negated));
  }
  (la.results ??= new Array<LexiconMatch[] | undefined>(lang.kindCount))[slot] = out;
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
      const entry: CompiledEntry = { id: t, label, kind: 'vocabulary', language: 'config', file: 'config', def: { context: 'sentence', ignore_negation: true } as CompiledEntry['def'], terms: [], requires: undefined, unless: undefined, except: undefined, kindSlot: -1 };
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

/** The last language looked up (calls pass the same code strings, from `languagesForCode`, again and again). */
let lastCodeLexicons: CompiledLexicons | undefined;
let lastCode: string | undefined;
let lastLanguage: CompiledLanguage | undefined;

function languageOf(lexicons: CompiledLexicons, code: string): CompiledLanguage | undefined {
  if (code === lastCode && lexicons === lastCodeLexicons) return lastLanguage;
  const lang = lexicons.languages.get(code);
  lastCodeLexicons = lexicons;
  lastCode = code;
  lastLanguage = lang;
  return lang;
}

export function findIn(lexicons: CompiledLexicons, text: string, options: FindOptions = {}): LexiconMatch[] {
  if (text.length === 0) return [];
  const a = analyse(text);
  const kinds = options.kinds;
  const phraseKinds = kinds ?? Object.keys(lexicons.kinds);
  const codes = options.languages ?? lexicons.codes;
  // Most calls ask one language for one or two kinds: the one non-empty list is copied rather than rebuilt.
  let single: LexiconMatch[] | undefined;
  let out: LexiconMatch[] | undefined;
  for (const code of codes) {
    const lang = languageOf(lexicons, code);
    if (lang === undefined) continue;
    for (const kind of phraseKinds) {
      const slot = lexicons.kindSlots.get(kind);
      if (slot === undefined) continue;
      const found = languageMatches(a, lang, slot);
      if (found.length === 0) continue;
      if (out !== undefined) for (const m of found) out.push(m);
      else if (single === undefined) single = found;
      else {
        out = single.slice();
        for (const m of found) out.push(m);
      }
    }
  }
  out ??= single === undefined ? [] : single.slice();
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
    const tl = a.tl;
    if ((v.accept?.length ?? 0) > 0) {
      const accepted = scan(makeView(tl, cv.accept, cv.env)).map((m) => originalRange(a.folded, tl.d[4 * m.from + 1]!, tl.d[4 * (m.to - 1) + 2]!));
      if (accepted.length > 0) out = out.filter((m) => !accepted.some(([s, e]) => s < m.end && m.start < e));
    }
    if ((!kinds || kinds.includes('vocabulary')) && (v.reject?.length ?? 0) > 0) {
      for (const m of dedupe(scan(makeView(tl, cv.reject, cv.env)))) out.push(toMatch(a, m, m.term.entry, false));
    }
  }
  if (codes.length > 1 || hasVocabulary(out)) out.sort((x, y) => x.start - y.start || y.end - x.end);
  return out;
}

function hasVocabulary(matches: readonly LexiconMatch[]): boolean {
  for (const m of matches) if (m.kind === 'vocabulary') return true;
  return false;
}

/** What a literal value (e.g. a parameter's example) looks like. */
export interface ValueShape {
  date: boolean;
  time: boolean;
  amount: boolean;
  /** An identifier: `#123`, letters glued to digits (`BK-55102`), or 4+ digits without separators. */
  id: boolean;
}

/** Shapes of recent values (parameter examples repeat across drafts), per lexicons and languages. */
const shapes = new WeakMap<CompiledLexicons, Map<string, ValueShape>>();

export function valueShapeIn(lexicons: CompiledLexicons, value: string, languages?: readonly string[]): ValueShape {
  let cache = shapes.get(lexicons);
  if (!cache) shapes.set(lexicons, (cache = new Map()));
  const key = languages === undefined ? `\u0001${value}` : `${languages.join('\u0001')}\0${value}`;
  const hit = cache.get(key);
  if (hit) return { ...hit };
  const shape = computeShape(lexicons, value, languages);
  if (cache.size >= 4096) cache.clear();
  cache.set(key, shape);
  return { ...shape };
}

function computeShape(lexicons: CompiledLexicons, value: string, languages: readonly string[] | undefined): ValueShape {
  const shape: ValueShape = { date: false, time: false, amount: false, id: false };
  // The value's tokens without its parameters.
  const all = analyse(value).tl;
  const d: number[] = [];
  for (let k = 0; k < all.d.length; k += 4) if ((all.d[k + 3]! & 7) !== PARAM) d.push(all.d[k]!, all.d[k + 1]!, all.d[k + 2]!, all.d[k + 3]!);
  const toks: TokenList = { n: d.length >> 2, d, gen: all.gen };
  for (const code of languages ?? lexicons.languages.keys()) {
    const lang = lexicons.languages.get(code);
    if (!lang) continue;
    for (let i = 0; i < toks.n; i++) {
      if (!shape.date && matchPlaceholder('date', toks, i, lang.env) > 0) shape.date = true;
      if (!shape.time && matchPlaceholder('time', toks, i, lang.env) > 0) shape.time = true;
      if (!shape.amount && matchPlaceholder('money', toks, i, lang.env) > 0) shape.amount = true;
      if (!shape.id && matchPlaceholder('id', toks, i, lang.env) > 0 && ((d[4 * i + 3]! & 7) !== NUM || /^\d{4,}$/.test(valueOf(d[4 * i]!)))) shape.id = true;
    }
  }
  return shape;
}
