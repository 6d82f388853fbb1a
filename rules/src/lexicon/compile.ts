import { fold } from './fold.js';
import { BRK, EMOJI, internValue, kindOf, NUM, PARAM, SYM, tableGeneration, tokenizeFolded, valueOf, WORD, type TokenKind, type TokenList } from './tokenize.js';
import type { EntryDef, KindDef, LanguageDef } from './schema.js';

const KIND_CODES: Record<TokenKind, number> = { word: WORD, num: NUM, param: PARAM, sym: SYM, brk: BRK, emoji: EMOJI };

/** Placeholders a term may use. */
export const PLACEHOLDERS = ['num', 'percent', 'money', 'param', 'word', 'any', 'id', 'date', 'time'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * A token pattern of a term: a literal token (`id` is its value's id in the token value table, resolved per table
 * generation, see `resolveTerm`; `k` its token kind), a word prefix (`pre`, from `word*`), or a placeholder.
 */
export type Pattern = { t: 'lit'; v: string; k: number; id: number } | { t: 'pre'; v: string } | { t: 'ph'; v: Placeholder };

export interface CompiledTerm {
  /** Numeric id, unique per process. */
  uid: number;
  source: string;
  pats: Pattern[];
  entry: CompiledEntry;
  /** Token value table generation the literal ids of `pats` belong to (-1: not resolved yet). */
  gen: number;
}

export interface CompiledEntry {
  id: string;
  label: string;
  kind: string;
  language: string;
  file: string;
  def: EntryDef;
  terms: CompiledTerm[];
  requires: CompiledTerm[] | undefined;
  unless: CompiledTerm[] | undefined;
  except: CompiledTerm[] | undefined;
  /** Position of `kind` in the lexicons' kinds (`CompiledLexicons.kindSlots`); -1 for negation and vocabulary entries. */
  kindSlot: number;
}

/** Term index: by literal first token, by the first 3 letters of a wildcard, by the class of a placeholder. */
export interface TermIndex {
  exact: Map<string, CompiledTerm[]>;
  wild: Map<string, CompiledTerm[]>;
  ph: Map<StartClass, CompiledTerm[]>;
  /** Per token value id (see tokenize.ts): base forms and the terms that may start there (see `tokenInfo`). */
  infos: (TokenInfo | undefined)[];
  /**
   * Per value id, what the scan needs most (one byte, so the hot path touches little memory): KNOWN once `infos`
   * has the id, STARTS when terms may start at it, INFLECTED when the word has other base forms.
   */
  flags: Uint8Array;
  /**
   * The `starts` and `nexts` of every value id with STARTS, in flat arrays (the scan reads a token's `nexts` from
   * one typed array and touches a term only when its second token matches): the id's entries are
   * `[startOff[id], startOff[id] + startCount[id])`.
   */
  startOff: Int32Array;
  startCount: Int32Array;
  /**
   * Per start term, how the scan continues once the first token is known to match: ≥ 0, the value id the
   * next token must have (a literal second pattern; then match from the third pattern); NEXT_ANY, match from the
   * second pattern at the next token; NEXT_FULL, match the whole term here (a placeholder that may take several
   * tokens); NEXT_DONE, a one-token term that has matched; NEXT_PERCENT / NEXT_MONEY, a `{percent}` / `{money}` at a
   * number or parameter, which needs a `%` / a currency word or symbol next.
   */
  flatNexts: Int32Array;
  flatTerms: CompiledTerm[];
  /** Value-table generation the per-id tables belong to. */
  gen: number;
}

const KNOWN = 1;
const STARTS = 2;
const INFLECTED = 4;
/** A currency word of the index's language (`rp`, `reais`). */
const CURRENCY = 8;

/** What an index knows about a token value: its base forms (words) and the terms that may start at it. */
export interface TokenInfo {
  /** Base-form candidates of a word (the word first); `[value]` for other tokens. */
  cands: readonly string[];
  /** Their value ids (same table generation as the index's `infos`). */
  candIds: readonly number[];
  /** The word has base forms other than itself. */
  inflected: boolean;
  /** Terms that may start at the token, in the order they are tried. */
  starts: readonly CompiledTerm[];
}
type StartClass = 'numlike' | 'param' | 'cur' | 'word' | 'sym';

export class TermSyntaxError extends Error {}

let nextUid = 1;

/** Compiles one term string (`diskon {percent}`, `promo*`, `buy now`) into token patterns. */
export function compileTerm(source: string, entry: CompiledEntry): CompiledTerm {
  const pats: Pattern[] = [];
  if (!source.includes('{') && !source.includes('*')) {
    // Only literal words (most terms): the tokens of the whole folded term are the tokens of its space-separated
    // chunks (no token spans a space, and folding maps each character on its own).
    for (const tok of tokenizeFolded(fold(source))) pats.push({ t: 'lit', v: tok.value, k: KIND_CODES[tok.kind], id: -1 });
    if (pats.length === 0) throw new TermSyntaxError(`term "${source}" has no words`);
    return { uid: nextUid++, source, pats, entry, gen: -1 };
  }
  for (const chunk of source.trim().split(/\s+/)) {
    const parts = chunk.split(/(\{[a-z_]+\})/).filter((p) => p !== '');
    parts.forEach((part, k) => {
      const ph = /^\{([a-z_]+)\}$/.exec(part);
      if (ph) {
        if (!(PLACEHOLDERS as readonly string[]).includes(ph[1]!)) throw new TermSyntaxError(`unknown placeholder {${ph[1]}} in term "${source}" (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')})`);
        pats.push({ t: 'ph', v: ph[1] as Placeholder });
        return;
      }
      const wildcard = part.endsWith('*');
      if (part.slice(0, -1).includes('*')) throw new TermSyntaxError(`\`*\` is only allowed at the end of a word, in term "${source}"`);
      const toks = tokenizeFolded(fold(wildcard ? part.slice(0, -1) : part));
      if (toks.length === 0) {
        if (wildcard) throw new TermSyntaxError(`wildcard without a word in term "${source}"`);
        return;
      }
      toks.forEach((tok, j) => {
        const last = j === toks.length - 1 && k === parts.length - 1;
        if (wildcard && last) {
          if (tok.kind !== 'word' || tok.value.length < 3) throw new TermSyntaxError(`wildcard \`${part}\` needs at least 3 letters before \`*\`, in term "${source}"`);
          pats.push({ t: 'pre', v: tok.value });
        } else pats.push({ t: 'lit', v: tok.value, k: KIND_CODES[tok.kind], id: -1 });
      });
    });
  }
  if (pats.length === 0) throw new TermSyntaxError(`term "${source}" has no words`);
  return { uid: nextUid++, source, pats, entry, gen: -1 };
}

function push<K>(map: Map<K, CompiledTerm[]>, key: K, term: CompiledTerm): void {
  const list = map.get(key);
  if (list) list.push(term);
  else map.set(key, [term]);
}

export function emptyIndex(): TermIndex {
  const index: TermIndex = {
    exact: new Map(),
    wild: new Map(),
    ph: new Map(),
    infos: [],
    flags: new Uint8Array(0),
    startOff: new Int32Array(0),
    startCount: new Int32Array(0),
    flatNexts: new Int32Array(0),
    flatTerms: [],
    // No per-id tables yet: they are made on first use (most indexes of a language are never scanned).
    gen: -1,
  };
  return index;
}

/** Token classes a placeholder can start at (see matchPlaceholder: `{time}` needs a number or a parameter...). */
const START_CLASSES: Record<Placeholder, readonly StartClass[]> = {
  param: ['param'],
  word: ['word'],
  money: ['cur', 'numlike', 'param'],
  any: ['word', 'numlike', 'param'],
  id: ['word', 'numlike', 'param', 'sym'],
  date: ['word', 'numlike', 'param'],
  time: ['numlike', 'param'],
  num: ['numlike', 'param'],
  percent: ['numlike', 'param'],
};

/** Forgets what the index knows per value id (after a change of terms, or of the token value table). */
function resetIdTables(index: TermIndex): void {
  index.infos = [];
  index.flags = new Uint8Array(1024);
  index.startOff = new Int32Array(1024);
  index.startCount = new Int32Array(1024);
  index.flatNexts = new Int32Array(1024);
  index.flatTerms = [];
  index.gen = tableGeneration();
}

export function addToIndex(index: TermIndex, term: CompiledTerm): void {
  // What the index knew per value id is out of date: remade on next use.
  index.gen = -1;
  const first = term.pats[0]!;
  if (first.t === 'lit') push(index.exact, first.v, term);
  else if (first.t === 'pre') push(index.wild, first.v.slice(0, 3), term);
  else {
    for (const c of START_CLASSES[first.v]) push(index.ph, c, term);
  }
}

/** Finds base-form candidates of words with a language's affix rules (cached per word). */
export class Inflector {
  private cache = new Map<string, readonly string[]>();
  private readonly prefixes: { form: string; restore: string[] }[];
  private readonly suffixes: { form: string; restore: string[] }[];
  constructor(private readonly def: Pick<LanguageDef, 'prefixes' | 'suffixes' | 'min_stem'> | undefined) {
    const norm = (a: string | { form: string; restore: string[] }) => (typeof a === 'string' ? { form: fold(a), restore: [''] } : { form: fold(a.form), restore: a.restore.map(fold) });
    this.prefixes = (def?.prefixes ?? []).map(norm);
    this.suffixes = (def?.suffixes ?? []).map(norm);
  }

  candidates(word: string): readonly string[] {
    const hit = this.cache.get(word);
    if (hit) return hit;
    const out = this.def ? this.compute(word) : [word];
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, out);
    return out;
  }

  private compute(word: string): string[] {
    const min = this.def!.min_stem;
    const set = new Set<string>([word]);
    const stripSuffixes = (w: string, depth: number): void => {
      for (const s of this.suffixes) {
        if (w.length <= s.form.length || !w.endsWith(s.form)) continue;
        const stem = w.slice(0, -s.form.length);
        for (const r of s.restore) {
          const base = stem + r;
          if (base.length < min || set.has(base)) continue;
          set.add(base);
          if (depth < 2) stripSuffixes(base, depth + 1);
        }
      }
    };
    stripSuffixes(word, 1);
    for (const p of this.prefixes) {
      if (word.length <= p.form.length || !word.startsWith(p.form)) continue;
      const rest = word.slice(p.form.length);
      for (const r of p.restore) {
        const base = r + rest;
        if (base.length < min) continue;
        set.add(base);
        stripSuffixes(base, 1);
      }
    }
    return [...set];
  }
}

export interface MatchEnv {
  inflector: Inflector;
  currencies: ReadonlySet<string>;
  /** Month names (a date only next to a number) and weekday names for `{date}`. */
  months?: ReadonlySet<string>;
  weekdays?: ReadonlySet<string>;
  /** Relative days as token sequences (`["hari", "ini"]`). */
  relativeDays?: readonly (readonly string[])[];
  timeWords?: ReadonlySet<string>;
}

// Token accessors of the compact form (see tokenize.ts): `d[4i]` value id, `d[4i + 1]` start, `d[4i + 2]` end.
function kindAt(tl: TokenList, i: number): number {
  return i < tl.n ? tl.d[4 * i + 3]! & 7 : -1;
}
function valueAt(tl: TokenList, i: number): string | undefined {
  return i < tl.n ? valueOf(tl.d[4 * i]!) : undefined;
}
function startAt(tl: TokenList, i: number): number {
  return tl.d[4 * i + 1]!;
}
function endAt(tl: TokenList, i: number): number {
  return tl.d[4 * i + 2]!;
}

function isNumLike(tl: TokenList, i: number): boolean {
  const k = kindAt(tl, i);
  return k === NUM || k === PARAM;
}

/** Length in tokens of a currency marker at i (`$`, `rp`, `r $`, `us $`), 0 if none. */
function currencyAt(tl: TokenList, i: number, env: MatchEnv): number {
  if (i >= tl.n) return 0;
  const kind = kindAt(tl, i);
  const value = valueAt(tl, i)!;
  if ((value === 'r' || value === 'us') && valueAt(tl, i + 1) === '$' && startAt(tl, i + 1) === endAt(tl, i)) return 2;
  if (kind === SYM && value !== '%' && value !== '#') return 1;
  if (kind === WORD && env.currencies.has(value)) return 1;
  return 0;
}

/** Token `j` directly follows token `j - 1` with at most one joining character (`bk-55102`, `20/06`). */
function joined(tl: TokenList, j: number): boolean {
  return j >= 1 && j < tl.n && startAt(tl, j) - endAt(tl, j - 1) <= 1;
}

function joinedLoose(tl: TokenList, j: number): boolean {
  return j >= 1 && j < tl.n && startAt(tl, j) - endAt(tl, j - 1) <= 2;
}

const DOTTED_DATE = /^\d{1,2}\.\d{1,2}\.\d{2,4}$/;
const DOTTED_TIME = /^\d{1,2}[.,]\d{2}$/;

function matchDate(tl: TokenList, i: number, env: MatchEnv): number {
  const kind = kindAt(tl, i);
  const value = valueAt(tl, i)!;
  if (kind === PARAM) return 1;
  if (kind === WORD) {
    if (env.weekdays?.has(value)) return 1;
    if (env.months?.has(value) && kindAt(tl, i + 1) === NUM && joinedLoose(tl, i + 1)) return 2; // June 20
    for (const seq of env.relativeDays ?? []) {
      let k = 0;
      while (k < seq.length && valueAt(tl, i + k) === seq[k]) k++;
      if (k === seq.length) return k;
    }
    return 0;
  }
  if (kind === NUM) {
    if (DOTTED_DATE.test(value)) return 1; // 20.06.2025
    if (kindAt(tl, i + 1) === NUM && joined(tl, i + 1)) return kindAt(tl, i + 2) === NUM && joined(tl, i + 2) ? 3 : 2; // 20/06(/2025)
    const nextKind = kindAt(tl, i + 1);
    if (nextKind === WORD && env.months?.has(valueAt(tl, i + 1)!)) return 2; // 20 June
    if (nextKind === WORD && valueAt(tl, i + 1) === 'de' && kindAt(tl, i + 2) === WORD && env.months?.has(valueAt(tl, i + 2)!)) return 3; // 20 de junio
  }
  return 0;
}

function matchTime(tl: TokenList, i: number, env: MatchEnv): number {
  const kind = kindAt(tl, i);
  if (kind === PARAM) return 1;
  if (kind !== NUM) return 0;
  if (DOTTED_TIME.test(valueAt(tl, i)!)) return 1; // 19.30
  if (i + 1 >= tl.n) return 0;
  const next = valueAt(tl, i + 1)!;
  if (next === ':' && kindAt(tl, i + 2) === NUM && joined(tl, i + 1) && joined(tl, i + 2)) return 3; // 7:30
  if (kindAt(tl, i + 1) === WORD && env.timeWords?.has(next) && startAt(tl, i + 1) - endAt(tl, i) <= 1) return kindAt(tl, i + 2) === NUM && joined(tl, i + 2) ? 3 : 2; // 7pm, 18h04
  return 0;
}

function digitCount(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Longest identifier made of glued tokens (`bk-55102` is three). */
const MAX_ID_PARTS = 16;

function matchId(tl: TokenList, i: number): number {
  const kind = kindAt(tl, i);
  const value = valueAt(tl, i)!;
  if (kind === PARAM) return 1;
  if (value === '#') {
    const k = kindAt(tl, i + 1);
    return (k === NUM || k === PARAM || k === WORD) && joined(tl, i + 1) ? 2 : 0;
  }
  if (kind === NUM) return digitCount(value) >= 3 ? 1 : 0;
  if (kind === WORD && value.length <= 6) {
    // Letters glued to digits: `bk-55102`, `inv2041`, `rx-55213`. At most MAX_ID_PARTS tokens: a text of thousands
    // of glued short words would otherwise be walked to its end from every one of them (quadratic).
    let j = i + 1;
    for (;;) {
      const k = kindAt(tl, j);
      if (j - i < MAX_ID_PARTS && (k === NUM || (k === WORD && valueAt(tl, j)!.length <= 6)) && joined(tl, j)) j++;
      else break;
    }
    for (let k = i + 1; k < j; k++) if (kindAt(tl, k) === NUM) return j - i;
  }
  return 0;
}

export function matchPlaceholder(p: Placeholder, tl: TokenList, i: number, env: MatchEnv): number {
  if (i >= tl.n) return 0;
  switch (p) {
    case 'id':
      return matchId(tl, i);
    case 'date':
      return matchDate(tl, i, env);
    case 'time':
      return matchTime(tl, i, env);
    case 'num':
      return isNumLike(tl, i) ? 1 : 0;
    case 'param':
      return kindAt(tl, i) === PARAM ? 1 : 0;
    case 'word':
      return kindAt(tl, i) === WORD ? 1 : 0;
    case 'any':
      return kindAt(tl, i) === WORD || isNumLike(tl, i) ? 1 : 0;
    case 'percent':
      return isNumLike(tl, i) && valueAt(tl, i + 1) === '%' ? 2 : 0;
    case 'money': {
      const c = currencyAt(tl, i, env);
      if (c > 0) return isNumLike(tl, i + c) ? c + 1 : 0;
      if (isNumLike(tl, i) && kindAt(tl, i + 1) === WORD && env.currencies.has(valueAt(tl, i + 1)!)) return 2; // 50 reais
      if (isNumLike(tl, i) && kindAt(tl, i + 1) === SYM && valueAt(tl, i + 1) !== '%' && valueAt(tl, i + 1) !== '#') return 2; // 12,99 €
      return 0;
    }
  }
}

/**
 * Tokens of one text seen through one term index and its language (what the index knows per token value: base
 * forms, terms that start there, is kept in the index by value id).
 */
export interface TokenView {
  tl: TokenList;
  env: MatchEnv;
  index: TermIndex;
}

export function makeView(tl: TokenList, index: TermIndex, env: MatchEnv): TokenView {
  return { tl, env, index };
}

function grownTo<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The `TermIndex.flags` of a value id (computing what the index knows about it on first use). */
function flagsOf(index: TermIndex, id: number, env: MatchEnv): number {
  if (index.gen === tableGeneration() && id < index.flags.length) {
    const f = index.flags[id]!;
    if (f !== 0) return f;
  }
  tokenInfo(index, id, env);
  return index.flags[id]!;
}

function anyStartsWith(list: readonly string[], prefix: string): boolean {
  for (let k = 0; k < list.length; k++) if (list[k]!.startsWith(prefix)) return true;
  return false;
}

/** Interns the literal values of a term in the current token value table (once per table generation). */
function resolveTerm(term: CompiledTerm): void {
  for (const p of term.pats) if (p.t === 'lit') p.id = internValue(p.v, p.k);
  term.gen = tableGeneration();
}

/** Whether token `at` (value id `id`) is the literal of value id `lit`, or one of the word's base forms is. */
function isLiteral(view: TokenView, at: number, id: number, lit: number): boolean {
  if (id === lit) return true;
  if ((view.tl.d[4 * at + 3]! & 7) !== WORD) return false;
  if ((flagsOf(view.index, id, view.env) & INFLECTED) === 0) return false;
  return view.index.infos[id]!.candIds.includes(lit);
}

/** Token index after a match of patterns `pats[from..]` of `term` starting at token `at`, or -1. */
function matchPatterns(term: CompiledTerm, from: number, view: TokenView, at: number): number {
  if (term.gen !== view.tl.gen) resolveTerm(term);
  const pats = term.pats;
  const tl = view.tl;
  for (let k = from; k < pats.length; k++) {
    const p = pats[k]!;
    if (at >= tl.n) return -1;
    if (p.t === 'lit') {
      if (isLiteral(view, at, tl.d[4 * at]!, p.id)) at++;
      else return -1;
    } else if (p.t === 'pre') {
      const id = tl.d[4 * at]!;
      // (the base forms of a word that is not inflected are the word itself)
      if ((tl.d[4 * at + 3]! & 7) === WORD && (valueOf(id).startsWith(p.v) || ((flagsOf(view.index, id, view.env) & INFLECTED) !== 0 && anyStartsWith(view.index.infos[id]!.cands, p.v)))) at++;
      else return -1;
    } else {
      const n = matchPlaceholder(p.v, tl, at, view.env);
      if (n === 0) return -1;
      at += n;
    }
  }
  return at;
}

const guardFirsts = new WeakMap<readonly CompiledTerm[], { gen: number; ids: Int32Array }>();

/**
 * Per term of a list (an entry's `requires`, `unless`, `except`), the value id of its literal first token in the
 * current token value table, or, for a prefix or a placeholder, -2 minus a bit set of the token kinds it can start
 * at: lets a caller that tries every term at every token skip most tries with one comparison (see `mayStartAt`).
 */
export function firstLiteralIds(terms: readonly CompiledTerm[]): Int32Array {
  const gen = tableGeneration();
  const hit = guardFirsts.get(terms);
  if (hit !== undefined && hit.gen === gen) return hit.ids;
  const ids = new Int32Array(terms.length);
  terms.forEach((term, k) => {
    if (term.gen !== gen) resolveTerm(term);
    const first = term.pats[0]!;
    if (first.t === 'lit') ids[k] = first.id;
    else {
      // Not a literal: -2 - (the token kinds it may start at, one bit per kind).
      let kinds = 0;
      if (first.t === 'pre') kinds = 1 << WORD;
      else for (const c of START_CLASSES[first.v]) kinds |= CLASS_KINDS[c];
      ids[k] = -2 - kinds;
    }
  });
  guardFirsts.set(terms, { gen, ids });
  return ids;
}

/** Token kinds of each start class (see START_CLASSES; `cur` is a currency word or a symbol). */
const CLASS_KINDS: Record<StartClass, number> = { word: 1 << WORD, numlike: 1 << NUM, param: 1 << PARAM, cur: (1 << WORD) | (1 << SYM), sym: 1 << SYM };

/** Whether a term whose `firstLiteralIds` entry is `first` may match at token i. */
export function mayStartAt(view: TokenView, i: number, first: number): boolean {
  if (i >= view.tl.n) return false;
  if (first <= -2) return (((-2 - first) >> (view.tl.d[4 * i + 3]! & 7)) & 1) !== 0;
  return isLiteral(view, i, view.tl.d[4 * i]!, first);
}

/** Token index after a match of `term` starting at token i, or -1. */
export function matchTermAt(term: CompiledTerm, view: TokenView, i: number): number {
  return matchPatterns(term, 0, view, i);
}

export interface RawMatch {
  term: CompiledTerm;
  /** Token range [from, to). */
  from: number;
  to: number;
}

const NONE: readonly CompiledTerm[] = [];
const NEXT_ANY = -1;
const NEXT_FULL = -2;
const NEXT_DONE = -3;
const NEXT_PERCENT = -4;
const NEXT_MONEY = -5;
/** Placeholders that match exactly one token at a parameter, a number, a word (see matchPlaceholder). */
const ONE_AT_PARAM: ReadonlySet<Placeholder> = new Set(['num', 'param', 'any', 'id', 'date', 'time']);
const ONE_AT_NUM: ReadonlySet<Placeholder> = new Set(['num', 'any']);
const ONE_AT_WORD: ReadonlySet<Placeholder> = new Set(['word', 'any']);

/** See `TermIndex.flatNexts` (the term's literal ids must be resolved). */
function nextOf(term: CompiledTerm, kind: number): number {
  const first = term.pats[0]!;
  // The first pattern consumes exactly this token: a literal or prefix (by construction of the list), or a
  // one-token placeholder. Other placeholders may consume several tokens.
  if (first.t === 'ph') {
    const numLike = kind === NUM || kind === PARAM;
    if (numLike && first.v === 'percent') return NEXT_PERCENT;
    if (numLike && first.v === 'money') return NEXT_MONEY;
    const one = kind === PARAM ? ONE_AT_PARAM : kind === NUM ? ONE_AT_NUM : kind === WORD ? ONE_AT_WORD : undefined;
    if (!one?.has(first.v)) return NEXT_FULL;
  }
  const second = term.pats[1];
  if (second === undefined) return NEXT_DONE;
  return second.t === 'lit' ? second.id : NEXT_ANY;
}

function addAll(out: CompiledTerm[], list: readonly CompiledTerm[] | undefined): void {
  if (list) for (const t of list) if (!out.includes(t)) out.push(t);
}

/**
 * Base forms of a token value, and the terms that may start at it, in the order they are tried: for a word, the
 * literal and wildcard terms its base forms satisfy, then the placeholder terms a word (or a currency word) can
 * start; for other tokens, the literal terms of the value, then the placeholder terms of its class. A token's kind
 * follows from its value (letters, digits, `{{…}}`, a symbol, an emoji), so this is cached per value id and index.
 */
export function tokenInfo(index: TermIndex, id: number, env: MatchEnv): TokenInfo {
  if (index.gen !== tableGeneration()) resetIdTables(index);
  const infos = index.infos;
  if (id < infos.length) {
    const hit = infos[id];
    if (hit !== undefined) return hit;
  } else {
    // Grow densely (a far index assignment would turn the array into a slow dictionary).
    while (infos.length <= id) infos.push(undefined);
  }
  const value = valueOf(id);
  const kind = kindOf(id);
  const out: CompiledTerm[] = [];
  let cands: readonly string[];
  if (kind === WORD) {
    cands = env.inflector.candidates(value);
    for (const c of cands) {
      addAll(out, index.exact.get(c));
      if (c.length >= 3) {
        const wild = index.wild.get(c.slice(0, 3));
        if (wild) for (const term of wild) if (!out.includes(term) && c.startsWith((term.pats[0] as { v: string }).v)) out.push(term);
      }
    }
    addAll(out, index.ph.get('word'));
    if (env.currencies.has(value) || value === 'r' || value === 'us') addAll(out, index.ph.get('cur'));
  } else {
    cands = [value];
    if (kind !== BRK) {
      addAll(out, index.exact.get(value));
      if (kind === NUM) addAll(out, index.ph.get('numlike'));
      else if (kind === PARAM) addAll(out, index.ph.get('param'));
      else if (kind === SYM) {
        addAll(out, index.ph.get('cur'));
        addAll(out, index.ph.get('sym'));
      }
    }
  }
  const candIds = cands.length === 1 ? [id] : cands.map((c) => internValue(c, WORD));
  const nexts: number[] = [];
  for (const term of out) {
    if (term.gen !== tableGeneration()) resolveTerm(term);
    nexts.push(nextOf(term, kind));
  }
  const info: TokenInfo = { cands, candIds, inflected: cands.length > 1, starts: out.length > 0 ? out : NONE };
  infos[id] = info;
  if (id >= index.flags.length) {
    const size = Math.max(id + 1, index.flags.length * 2);
    index.flags = grownTo(index.flags, new Uint8Array(size));
    index.startOff = grownTo(index.startOff, new Int32Array(size));
    index.startCount = grownTo(index.startCount, new Int32Array(size));
  }
  if (out.length > 0) {
    const off = index.flatTerms.length;
    if (off + out.length > index.flatNexts.length) index.flatNexts = grownTo(index.flatNexts, new Int32Array(Math.max(off + out.length, index.flatNexts.length * 2)));
    for (let k = 0; k < out.length; k++) {
      index.flatNexts[off + k] = nexts[k]!;
      index.flatTerms.push(out[k]!);
    }
    index.startOff[id] = off;
    index.startCount[id] = out.length;
  }
  index.flags[id] = KNOWN | (out.length > 0 ? STARTS : 0) | (cands.length > 1 ? INFLECTED : 0) | (kind === WORD && env.currencies.has(value) ? CURRENCY : 0);
  return info;
}

/** Value ids of `%` and `#` in the token value table of generation `symbolsGen`. */
let percentId = -1;
let hashId = -1;
let symbolsGen = -1;

/** One pass over the tokens: every occurrence of every term of the view's index, in token order. */
export function scan(view: TokenView): RawMatch[] {
  const out: RawMatch[] = [];
  const tl = view.tl;
  const d = tl.d;
  const n = tl.n;
  const index = view.index;
  const env = view.env;
  if (symbolsGen !== tl.gen) {
    percentId = internValue('%', SYM);
    hashId = internValue('#', SYM);
    symbolsGen = tl.gen;
  }
  for (let i = 0; i < n; i++) {
    if ((d[4 * i + 3]! & 7) === BRK) continue;
    const id = d[4 * i]!;
    if ((flagsOf(index, id, env) & STARTS) === 0) continue;
    const nexts = index.flatNexts;
    const starts = index.flatTerms;
    const off = index.startOff[id]!;
    const end = off + index.startCount[id]!;
    const nextId = i + 1 < n ? d[4 * i + 4]! : -1;
    for (let k = off; k < end; k++) {
      const next = nexts[k]!;
      let to: number;
      if (next >= 0) {
        // Most terms fail on a literal second token: tested here, without touching the term.
        if (next !== nextId && (nextId === -1 || !isLiteral(view, i + 1, nextId, next))) continue;
        to = matchPatterns(starts[k]!, 2, view, i + 2);
      } else if (next === NEXT_ANY) to = matchPatterns(starts[k]!, 1, view, i + 1);
      else if (next === NEXT_PERCENT) {
        // `{percent}` at a number: the next token is `%`.
        if (nextId !== percentId) continue;
        to = matchPatterns(starts[k]!, 1, view, i + 2);
      } else if (next === NEXT_MONEY) {
        // `{money}` at a number: the next token is a currency word (`50 reais`) or a symbol (`12,99 €`) other than % #.
        if (nextId === -1) continue;
        const nextKind = d[4 * i + 7]! & 7;
        if (nextKind === SYM) {
          if (nextId === percentId || nextId === hashId) continue;
        } else if (nextKind !== WORD || (flagsOf(index, nextId, env) & CURRENCY) === 0) continue;
        to = matchPatterns(starts[k]!, 1, view, i + 2);
      }
      else if (next === NEXT_FULL) to = matchPatterns(starts[k]!, 0, view, i);
      else to = i + 1;
      if (to > i) out.push({ term: starts[k]!, from: i, to });
    }
  }
  return out;
}

export interface CompiledLanguage {
  code: string;
  /** Position of the language in `CompiledLexicons.languages`. */
  slot: number;
  /** Number of kinds of the lexicons (the `kindSlot`s are below it). */
  kindCount: number;
  def: LanguageDef;
  env: MatchEnv;
  /** Term index per phrase kind (for inspection). */
  indexes: Map<string, TermIndex>;
  /** Every phrase-kind term of the language: one scan per text finds the terms of every kind. */
  combined: TermIndex;
  negBefore: TermIndex;
  negAfter: TermIndex;
  /** The negation pseudo-entries of `negBefore` and `negAfter` terms. */
  negBeforeEntry: CompiledEntry;
  negAfterEntry: CompiledEntry;
  /** `combined`, then the negation terms: the one index a text is scanned with (see `match.ts`). */
  scanIndex: TermIndex;
  entries: CompiledEntry[];
  /** Whole-text keyword kinds: kind → folded keyword → entry. */
  keywords: Map<string, Map<string, CompiledEntry>>;
}

export interface CompiledLexicons {
  dir: string;
  kinds: Record<string, KindDef>;
  /** Kind name → position in `kinds` (the `kindSlot` of its entries). */
  kindSlots: Map<string, number>;
  languages: Map<string, CompiledLanguage>;
  /** The language codes, in the order of `languages`. */
  codes: string[];
}
