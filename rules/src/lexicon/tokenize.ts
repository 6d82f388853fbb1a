import { foldText, type FoldedText } from './fold.js';

/**
 * Tokens of folded text. Whitespace, hyphens, slashes, apostrophes between words and WhatsApp formatting markers
 * (`* _ ~`) are not tokens; other punctuation is (`brk`), so multi-word terms never match across it. Letters and
 * digits are separate tokens (`rp50rb` → rp 50 rb, `24jam` → 24 jam); terms are tokenized the same way.
 *
 * The matcher works on a compact form (`TokenList`): per token four small integers in one array, the token's value
 * interned in a process-wide table (`valueOf(id)`), so a text's tokens are one allocation, equal values share one
 * string and one id, and what an index knows about a value is found by id instead of hashing a fresh string.
 */
export type TokenKind = 'word' | 'num' | 'param' | 'sym' | 'brk' | 'emoji';

export interface Token {
  kind: TokenKind;
  /** Folded value. */
  value: string;
  /** Folded-text offsets. */
  start: number;
  end: number;
  /** Sentence number: increases after `. ! ? ;` and at line breaks. */
  sentence: number;
}

export interface TokenizedText {
  folded: FoldedText;
  tokens: Token[];
}

/** Token kinds of the compact form. */
export const WORD = 0;
export const NUM = 1;
export const PARAM = 2;
export const SYM = 3;
export const BRK = 4;
export const EMOJI = 5;
const KIND_NAMES: readonly TokenKind[] = ['word', 'num', 'param', 'sym', 'brk', 'emoji'];

/**
 * Tokens of one text: `d[4i]` the interned value id, `d[4i + 1]` start, `d[4i + 2]` end (folded-text offsets),
 * `d[4i + 3]` sentence number × 8 + kind (WORD, NUM...; the kind also follows from the value: `kindOf(id)`).
 */
export interface TokenList {
  n: number;
  d: number[];
  /** Generation of the value table the ids belong to (see `tableGeneration`). */
  gen: number;
}

// ----- interned token values ---------------------------------------------------------------------------------------

const MAX_VALUES = 1 << 17;
let values: string[] = [];
let kinds: number[] = [];
/**
 * Open-addressing table of the values, 4 ints per entry: `[k0, k1, k2, ref]`. `ref` is 0 for an empty entry,
 * `id + 1` for a short value (at most 12 code units below 256: k0..k2 hold them, 4 per int, so a lookup reads this
 * entry only), `-(id + 1)` for a long one (k0 its FNV-1a hash, k1 its length; the content is compared with the
 * string). Token values never contain U+0000, so short keys are exact.
 */
let table = new Int32Array(4 << 12);
let generation = 0;

/** Increases when the value table is reset (it is bounded): ids of older token lists are then meaningless. */
export function tableGeneration(): number {
  return generation;
}

/**
 * Starts a new value table when the current one is full. Called only where no token list is in use (before a new
 * text is tokenized), so ids never change under a running match; holders of ids check `tableGeneration()`.
 */
export function limitTable(): void {
  if (values.length < MAX_VALUES) return;
  values = [];
  kinds = [];
  table = new Int32Array(4 << 12);
  generation++;
}

/** The folded value of a token value id. */
export function valueOf(id: number): string {
  return values[id]!;
}

/** The kind of a token value id (WORD, NUM...). */
export function kindOf(id: number): number {
  return kinds[id]!;
}

function mix(k0: number, k1: number, k2: number): number {
  let h = Math.imul(k0 ^ Math.imul(k1 ^ Math.imul(k2, 0x9e3779b1), 0x85ebca77), 0xc2b2ae35);
  h ^= h >>> 15;
  return Math.imul(h, 0x27d4eb2f) ^ (h >>> 13);
}

function grow(): void {
  const old = table;
  const next = new Int32Array(old.length * 2);
  const mask = (next.length >> 2) - 1;
  for (let e = 0; e < old.length; e += 4) {
    const ref = old[e + 3]!;
    if (ref === 0) continue;
    let at = (ref > 0 ? mix(old[e]!, old[e + 1]!, old[e + 2]!) : old[e]!) & mask;
    while (next[4 * at + 3] !== 0) at = (at + 1) & mask;
    next.set(old.subarray(e, e + 4), 4 * at);
  }
  table = next;
}

function add(s: string, start: number, end: number, kind: number): number {
  const id = values.length;
  values.push(s.slice(start, end));
  kinds.push(kind);
  return id;
}

/** The id of the value `s[start, end)`, added to the table when new. */
function intern(s: string, start: number, end: number, kind: number): number {
  const len = end - start;
  if (len <= 12) {
    let k0 = 0;
    let k1 = 0;
    let k2 = 0;
    let p = 0;
    for (; p < len; p++) {
      const c = s.charCodeAt(start + p);
      if (c > 255) break;
      const bits = c << ((p & 3) << 3);
      if (p < 4) k0 |= bits;
      else if (p < 8) k1 |= bits;
      else k2 |= bits;
    }
    if (p === len) return internShort(s, start, end, kind, k0, k1, k2);
  }
  return internLong(s, start, end, kind, hashOf(s, start, end));
}

function internShort(s: string, start: number, end: number, kind: number, k0: number, k1: number, k2: number): number {
  const mask = (table.length >> 2) - 1;
  let at = mix(k0, k1, k2) & mask;
  for (;;) {
    const e = 4 * at;
    const ref = table[e + 3]!;
    if (ref === 0) break;
    if (ref > 0 && table[e] === k0 && table[e + 1] === k1 && table[e + 2] === k2) return ref - 1;
    at = (at + 1) & mask;
  }
  const id = add(s, start, end, kind);
  const e = 4 * at;
  table[e] = k0;
  table[e + 1] = k1;
  table[e + 2] = k2;
  table[e + 3] = id + 1;
  if (values.length * 2 > table.length >> 2) grow();
  return id;
}

function internLong(s: string, start: number, end: number, kind: number, h: number): number {
  const mask = (table.length >> 2) - 1;
  const len = end - start;
  let at = h & mask;
  for (;;) {
    const e = 4 * at;
    const ref = table[e + 3]!;
    if (ref === 0) break;
    if (ref < 0 && table[e] === h && table[e + 1] === len) {
      const v = values[-ref - 1]!;
      let k = 0;
      while (k < len && v.charCodeAt(k) === s.charCodeAt(start + k)) k++;
      if (k === len) return -ref - 1;
    }
    at = (at + 1) & mask;
  }
  const id = add(s, start, end, kind);
  const e = 4 * at;
  table[e] = h;
  table[e + 1] = len;
  table[e + 2] = 0;
  table[e + 3] = -(id + 1);
  if (values.length * 2 > table.length >> 2) grow();
  return id;
}

/** Interns a whole string as a value of the given kind (term literals, base forms of words). */
export function internValue(v: string, kind: number): number {
  return intern(v, 0, v.length, kind);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashOf(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
  return h;
}

// ----- scanner -----------------------------------------------------------------------------------------------------

// Character classes for code units below 0x10000, filled lazily: 1 letter, 2 pictograph, 3 other.
const classes = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;
const PICTO = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})$/u;
function classOf(code: number): number {
  let c = classes[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = LETTER.test(ch) ? 1 : PICTO.test(ch) && code >= 0x2000 ? 2 : 3;
    classes[code] = c;
  }
  return c;
}
function isLetter(code: number): boolean {
  return code < 128 ? ASCII[code] === A_LETTER : code >= 0xc0 && classOf(code) === 1;
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// Classes of ASCII code units.
// 0 = any other code unit (the default of the table).

const A_SPACE = 1;
const A_NEWLINE = 2;
const A_LETTER = 3;
const A_DIGIT = 4;
const A_SYM = 5;
const A_BRK = 6;
const A_END = 7; // a break that ends a sentence
const A_BRACE = 8;
const ASCII = new Uint8Array(128);
for (let c = 0; c <= 32; c++) ASCII[c] = A_SPACE;
ASCII[10] = A_NEWLINE;
for (let c = 65; c <= 90; c++) ASCII[c] = A_LETTER;
for (let c = 97; c <= 122; c++) ASCII[c] = A_LETTER;
for (let c = 48; c <= 57; c++) ASCII[c] = A_DIGIT;
for (const ch of '$%#') ASCII[ch.charCodeAt(0)] = A_SYM;
for (const ch of ':,()[]"<>=+&@|') ASCII[ch.charCodeAt(0)] = A_BRK;
for (const ch of '.!?;') ASCII[ch.charCodeAt(0)] = A_END;
ASCII[123] = A_BRACE;
const SYM_NON_ASCII = new Set(['€', '£', '¥', '₹']);
const BRK_NON_ASCII = new Set(['“', '”', '«', '»', '¿', '¡']);

/** A `{{…}}` parameter starting at `i` (no braces or line break inside): the offset after it, or -1. */
function paramEnd(s: string, i: number): number {
  const close = s.indexOf('}}', i + 2);
  if (close === -1) return -1;
  for (let k = i + 2; k < close; k++) {
    const c = s.charCodeAt(k);
    if (c === 123 || c === 125 || c === 10) return -1;
  }
  return close + 2;
}

/** Reused output buffer of the scanner (copied to an exact-size array per text). */
const scratch: number[] = [];

/** Writes a token at `len` of the buffer (overwriting or growing it); returns the next position. */
function put(d: number[], len: number, start: number, end: number, sentence: number, kind: number): number {
  if (len < d.length) {
    d[len] = -1;
    d[len + 1] = start;
    d[len + 2] = end;
    d[len + 3] = sentence * 8 + kind;
  } else d.push(-1, start, end, sentence * 8 + kind);
  return len + 4;
}

/**
 * The scanner (hand-written: this runs on every text): writes the tokens of already-folded text to `scratch` in the
 * compact layout, value ids left at -1, and returns the number of ints written.
 */
function scanTokens(s: string): number {
  const d = scratch;
  let len = 0;
  const n = s.length;
  let sentence = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const cls = c < 128 ? ASCII[c]! : -1;
    if (cls === A_SPACE) {
      i++;
      continue;
    }
    if (cls === A_NEWLINE) {
      sentence++;
      i++;
      continue;
    }
    if (cls === A_BRACE && i + 1 < n && s.charCodeAt(i + 1) === 123) {
      const end = paramEnd(s, i);
      if (end !== -1) {
        len = put(d, len, i, end, sentence, PARAM);
        i = end;
        continue;
      }
    }
    if (cls === A_DIGIT) {
      let j = i + 1;
      // Reads stay inside the string: a read past its end makes V8 drop the optimised code of this hot loop.
      for (;;) {
        while (j < n && isDigit(s.charCodeAt(j))) j++;
        const e = j < n ? s.charCodeAt(j) : -1;
        if ((e === 46 || e === 44) && j + 1 < n && isDigit(s.charCodeAt(j + 1))) j += 2;
        else break;
      }
      len = put(d, len, i, j, sentence, NUM);
      i = j;
      continue;
    }
    if (cls === A_LETTER || (cls === -1 && c >= 0xc0 && classOf(c) === 1)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isLetter(s.charCodeAt(j))) j++;
        if (j + 1 < n && s.charCodeAt(j) === 39 && isLetter(s.charCodeAt(j + 1))) j += 2;
        else break;
      }
      len = put(d, len, i, j, sentence, WORD);
      i = j;
      continue;
    }
    if (cls >= 0) {
      if (cls === A_SYM) len = put(d, len, i, i + 1, sentence, SYM);
      else if (cls === A_BRK || cls === A_END) {
        len = put(d, len, i, i + 1, sentence, BRK);
        if (cls === A_END) sentence++;
      }
      i++;
      continue;
    }
    const ch = s[i]!;
    if (SYM_NON_ASCII.has(ch)) {
      len = put(d, len, i, i + 1, sentence, SYM);
      i++;
      continue;
    }
    if (BRK_NON_ASCII.has(ch)) {
      len = put(d, len, i, i + 1, sentence, BRK);
      i++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      if (PICTO.test(s.slice(i, i + 2))) len = put(d, len, i, i + 2, sentence, EMOJI);
      i += 2;
      continue;
    }
    if (c >= 0x2000 && classOf(c) === 2) len = put(d, len, i, i + 1, sentence, EMOJI);
    i++;
  }
  return len;
}

/** Tokenizes already-folded text into the compact form, interning the token values. */
export function tokenList(s: string): TokenList {
  const len = scanTokens(s);
  const d = scratch.slice(0, len);
  for (let k = 0; k < len; k += 4) d[k] = intern(s, d[k + 1]!, d[k + 2]!, d[k + 3]! & 7);
  return { n: len >> 2, d, gen: generation };
}

/** Tokenizes already-folded text (as objects; the values are not interned). */
export function tokenizeFolded(s: string): Token[] {
  const len = scanTokens(s);
  const d = scratch;
  const out: Token[] = [];
  for (let k = 0; k < len; k += 4) {
    const start = d[k + 1]!;
    const end = d[k + 2]!;
    out.push({ kind: KIND_NAMES[d[k + 3]! & 7]!, value: s.slice(start, end), start, end, sentence: d[k + 3]! >> 3 });
  }
  return out;
}

/** Folds and tokenizes text. */
export function tokenize(text: string): TokenizedText {
  const folded = foldText(text);
  return { folded, tokens: tokenizeFolded(folded.text) };
}
