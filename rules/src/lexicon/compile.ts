import { fold } from './fold.js';
import { tokenizeFolded, type Token } from './tokenize.js';
import type { EntryDef, KindDef, LanguageDef } from './schema.js';

/** Placeholders a term may use. */
export const PLACEHOLDERS = ['num', 'percent', 'money', 'param', 'word', 'any', 'id', 'date', 'time'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type Pattern = { t: 'lit'; v: string } | { t: 'pre'; v: string } | { t: 'ph'; v: Placeholder };

export interface CompiledTerm {
  /** Numeric id, unique per process (used to de-duplicate candidates). */
  uid: number;
  source: string;
  pats: Pattern[];
  entry: CompiledEntry;
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
}

/** Term index: by literal first token, by the first 3 letters of a wildcard, by the class of a placeholder. */
export interface TermIndex {
  exact: Map<string, CompiledTerm[]>;
  wild: Map<string, CompiledTerm[]>;
  ph: Map<StartClass, CompiledTerm[]>;
  /** Per word: the terms whose first pattern the word (or one of its base forms) satisfies. */
  wordCache: Map<string, readonly CompiledTerm[]>;
}
type StartClass = 'numlike' | 'param' | 'cur' | 'word' | 'sym';

export class TermSyntaxError extends Error {}

let nextUid = 1;

/** Compiles one term string (`diskon {percent}`, `promo*`, `buy now`) into token patterns. */
export function compileTerm(source: string, entry: CompiledEntry): CompiledTerm {
  const pats: Pattern[] = [];
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
        } else pats.push({ t: 'lit', v: tok.value });
      });
    });
  }
  if (pats.length === 0) throw new TermSyntaxError(`term "${source}" has no words`);
  return { uid: nextUid++, source, pats, entry };
}

function push<K>(map: Map<K, CompiledTerm[]>, key: K, term: CompiledTerm): void {
  const list = map.get(key);
  if (list) list.push(term);
  else map.set(key, [term]);
}

export function emptyIndex(): TermIndex {
  return { exact: new Map(), wild: new Map(), ph: new Map(), wordCache: new Map() };
}

export function addToIndex(index: TermIndex, term: CompiledTerm): void {
  index.wordCache.clear();
  const first = term.pats[0]!;
  if (first.t === 'lit') push(index.exact, first.v, term);
  else if (first.t === 'pre') push(index.wild, first.v.slice(0, 3), term);
  else {
    const classes: StartClass[] =
      first.v === 'param'
        ? ['param']
        : first.v === 'word'
          ? ['word']
          : first.v === 'money'
            ? ['cur', 'numlike', 'param']
            : first.v === 'any' || first.v === 'id' || first.v === 'date' || first.v === 'time'
              ? ['word', 'numlike', 'param', 'sym']
              : ['numlike', 'param'];
    for (const c of classes) push(index.ph, c, term);
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

function isNumLike(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'num' || t.kind === 'param');
}

/** Length in tokens of a currency marker at i (`$`, `rp`, `r $`, `us $`), 0 if none. */
function currencyAt(toks: readonly Token[], i: number, env: MatchEnv): number {
  const t = toks[i];
  if (!t) return 0;
  if ((t.value === 'r' || t.value === 'us') && toks[i + 1]?.value === '$' && toks[i + 1]!.start === t.end) return 2;
  if (t.kind === 'sym' && t.value !== '%' && t.value !== '#') return 1;
  if (t.kind === 'word' && env.currencies.has(t.value)) return 1;
  return 0;
}

/** Token `j` directly follows token `j - 1` with at most one joining character (`bk-55102`, `20/06`). */
function joined(toks: readonly Token[], j: number): boolean {
  const a = toks[j - 1];
  const b = toks[j];
  return a !== undefined && b !== undefined && b.start - a.end <= 1;
}

function matchDate(toks: readonly Token[], i: number, env: MatchEnv): number {
  const t = toks[i]!;
  if (t.kind === 'param') return 1;
  if (t.kind === 'word') {
    if (env.weekdays?.has(t.value)) return 1;
    if (env.months?.has(t.value) && toks[i + 1]?.kind === 'num' && joinedLoose(toks, i + 1)) return 2; // June 20
    for (const seq of env.relativeDays ?? []) {
      let k = 0;
      while (k < seq.length && toks[i + k]?.value === seq[k]) k++;
      if (k === seq.length) return k;
    }
    return 0;
  }
  if (t.kind === 'num') {
    if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(t.value)) return 1; // 20.06.2025
    if (toks[i + 1]?.kind === 'num' && joined(toks, i + 1)) return toks[i + 2]?.kind === 'num' && joined(toks, i + 2) ? 3 : 2; // 20/06(/2025)
    const next = toks[i + 1];
    if (next?.kind === 'word' && env.months?.has(next.value)) return 2; // 20 June
    if (next?.kind === 'word' && next.value === 'de' && toks[i + 2]?.kind === 'word' && env.months?.has(toks[i + 2]!.value)) return 3; // 20 de junio
  }
  return 0;
}

function joinedLoose(toks: readonly Token[], j: number): boolean {
  const a = toks[j - 1];
  const b = toks[j];
  return a !== undefined && b !== undefined && b.start - a.end <= 2;
}

function matchTime(toks: readonly Token[], i: number, env: MatchEnv): number {
  const t = toks[i]!;
  if (t.kind === 'param') return 1;
  if (t.kind !== 'num') return 0;
  if (/^\d{1,2}[.,]\d{2}$/.test(t.value)) return 1; // 19.30
  const next = toks[i + 1];
  if (next?.value === ':' && toks[i + 2]?.kind === 'num' && joined(toks, i + 1) && joined(toks, i + 2)) return 3; // 7:30
  if (next?.kind === 'word' && env.timeWords?.has(next.value) && next.start - t.end <= 1) return toks[i + 2]?.kind === 'num' && joined(toks, i + 2) ? 3 : 2; // 7pm, 18h04
  return 0;
}

function matchId(toks: readonly Token[], i: number): number {
  const t = toks[i]!;
  if (t.kind === 'param') return 1;
  if (t.value === '#') {
    const n = toks[i + 1];
    return n && (n.kind === 'num' || n.kind === 'param' || n.kind === 'word') && joined(toks, i + 1) ? 2 : 0;
  }
  if (t.kind === 'num') return t.value.replace(/\D/g, '').length >= 3 ? 1 : 0;
  if (t.kind === 'word' && t.value.length <= 6) {
    // Letters glued to digits: `bk-55102`, `inv2041`, `rx-55213`.
    let j = i + 1;
    while (toks[j] && (toks[j]!.kind === 'num' || (toks[j]!.kind === 'word' && toks[j]!.value.length <= 6)) && joined(toks, j)) j++;
    for (let k = i + 1; k < j; k++) if (toks[k]!.kind === 'num') return j - i;
  }
  return 0;
}

export function matchPlaceholder(p: Placeholder, toks: readonly Token[], i: number, env: MatchEnv): number {
  const t = toks[i];
  if (!t) return 0;
  switch (p) {
    case 'id':
      return matchId(toks, i);
    case 'date':
      return matchDate(toks, i, env);
    case 'time':
      return matchTime(toks, i, env);
    case 'num':
      return isNumLike(t) ? 1 : 0;
    case 'param':
      return t.kind === 'param' ? 1 : 0;
    case 'word':
      return t.kind === 'word' ? 1 : 0;
    case 'any':
      return t.kind === 'word' || isNumLike(t) ? 1 : 0;
    case 'percent':
      return isNumLike(t) && toks[i + 1]?.value === '%' ? 2 : 0;
    case 'money': {
      const c = currencyAt(toks, i, env);
      if (c > 0) return isNumLike(toks[i + c]) ? c + 1 : 0;
      if (isNumLike(t) && toks[i + 1]?.kind === 'word' && env.currencies.has(toks[i + 1]!.value)) return 2; // 50 reais
      if (isNumLike(t) && toks[i + 1]?.kind === 'sym' && toks[i + 1]!.value !== '%' && toks[i + 1]!.value !== '#') return 2; // 12,99 €
      return 0;
    }
  }
}

/** Token index after a match of `term` starting at token i, or -1. */
export function matchTermAt(term: CompiledTerm, toks: readonly Token[], i: number, env: MatchEnv): number {
  let at = i;
  for (const p of term.pats) {
    const t = toks[at];
    if (!t) return -1;
    if (p.t === 'lit') {
      if (t.value === p.v || (t.kind === 'word' && env.inflector.candidates(t.value).includes(p.v))) at++;
      else return -1;
    } else if (p.t === 'pre') {
      if (t.kind === 'word' && (t.value.startsWith(p.v) || env.inflector.candidates(t.value).some((c) => c.startsWith(p.v)))) at++;
      else return -1;
    } else {
      const n = matchPlaceholder(p.v, toks, at, env);
      if (n === 0) return -1;
      at += n;
    }
  }
  return at;
}

export interface RawMatch {
  term: CompiledTerm;
  /** Token range [from, to). */
  from: number;
  to: number;
}

const NONE: readonly CompiledTerm[] = [];
/** uid → last mark at which the term was tried (avoids trying a term twice at one position). */
let tried = new Int32Array(1024);
let mark = 0;

/** Terms whose first pattern a word can satisfy (literal or wildcard, via its base forms), cached per index. */
function termsForWord(index: TermIndex, word: string, env: MatchEnv): readonly CompiledTerm[] {
  const hit = index.wordCache.get(word);
  if (hit) return hit;
  const out: CompiledTerm[] = [];
  for (const c of env.inflector.candidates(word)) {
    const exact = index.exact.get(c);
    if (exact) for (const t of exact) if (!out.includes(t)) out.push(t);
    if (c.length >= 3) {
      const wild = index.wild.get(c.slice(0, 3));
      if (wild) for (const t of wild) if (!out.includes(t) && c.startsWith((t.pats[0] as { v: string }).v)) out.push(t);
    }
  }
  const result = out.length > 0 ? out : NONE;
  if (index.wordCache.size > 50_000) index.wordCache.clear();
  index.wordCache.set(word, result);
  return result;
}

/** One pass over the tokens: every occurrence of every indexed term. */
export function scan(index: TermIndex, toks: readonly Token[], env: MatchEnv): RawMatch[] {
  const out: RawMatch[] = [];
  const hasPh = index.ph.size > 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'brk') continue;
    if (++mark === 0x7fffffff) {
      mark = 1;
      tried.fill(0);
    }
    const tryList = (list: readonly CompiledTerm[] | undefined): void => {
      if (!list) return;
      for (const term of list) {
        if (term.uid >= tried.length) {
          const grown = new Int32Array(Math.max(term.uid + 1, tried.length * 2));
          grown.set(tried);
          tried = grown;
        }
        if (tried[term.uid] === mark) continue;
        tried[term.uid] = mark;
        const to = matchTermAt(term, toks, i, env);
        if (to > i) out.push({ term, from: i, to });
      }
    };
    if (t.kind === 'word') {
      tryList(termsForWord(index, t.value, env));
      if (hasPh) {
        tryList(index.ph.get('word'));
        if (env.currencies.has(t.value) || t.value === 'r' || t.value === 'us') tryList(index.ph.get('cur'));
      }
    } else {
      tryList(index.exact.get(t.value));
      if (hasPh) {
        if (t.kind === 'num') tryList(index.ph.get('numlike'));
        else if (t.kind === 'param') tryList(index.ph.get('param'));
        else if (t.kind === 'sym') {
          tryList(index.ph.get('cur'));
          tryList(index.ph.get('sym'));
        }
      }
    }
  }
  return out;
}

export interface CompiledLanguage {
  code: string;
  def: LanguageDef;
  env: MatchEnv;
  /** Term index per phrase kind (for inspection). */
  indexes: Map<string, TermIndex>;
  /** Every phrase-kind term of the language: one scan per text finds the terms of every kind. */
  combined: TermIndex;
  negBefore: TermIndex;
  negAfter: TermIndex;
  entries: CompiledEntry[];
  /** Whole-text keyword kinds: kind → folded keyword → entry. */
  keywords: Map<string, Map<string, CompiledEntry>>;
}

export interface CompiledLexicons {
  dir: string;
  kinds: Record<string, KindDef>;
  languages: Map<string, CompiledLanguage>;
}
