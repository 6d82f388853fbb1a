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
 * `d[4i + 3]` sentence number. The kind of a token follows from its value (`kindOf(id)`).
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
let slots = new Int32Array(1 << 12);
let generation = 0;

/** Increases when the value table is reset (it is bounded): ids of older token lists are then meaningless. */
export function tableGeneration(): number {
  return generation;
}

/** The folded value of a token value id. */
export function valueOf(id: number): string {
  return values[id]!;
}

/** The kind of a token value id (WORD, NUM...). */
export function kindOf(id: number): number {
  return kinds[id]!;
}

function grow(): void {
  const next = new Int32Array(slots.length * 2);
  const mask = next.length - 1;
  for (let id = 0; id < values.length; id++) {
    const v = values[id]!;
    let h = 0x811c9dc5;
    for (let k = 0; k < v.length; k++) h = Math.imul(h ^ v.charCodeAt(k), 0x01000193);
    let at = h & mask;
    while (next[at] !== 0) at = (at + 1) & mask;
    next[at] = id + 1;
  }
  slots = next;
}

/** The id of the value `s[start, end)` (hash `h`, FNV-1a over its code units), added to the table when new. */
function intern(s: string, start: number, end: number, h: number, kind: number): number {
  const mask = slots.length - 1;
  const len = end - start;
  let at = h & mask;
  for (;;) {
    const slot = slots[at]!;
    if (slot === 0) break;
    const v = values[slot - 1]!;
    if (v.length === len) {
      let k = 0;
      while (k < len && v.charCodeAt(k) === s.charCodeAt(start + k)) k++;
      if (k === len) return slot - 1;
    }
    at = (at + 1) & mask;
  }
  if (values.length >= MAX_VALUES) {
    // Bounded memory: start a new table (token lists made before are re-made on use, see `tableGeneration`).
    values = [];
    kinds = [];
    slots = new Int32Array(1 << 12);
    generation++;
    return intern(s, start, end, h, kind);
  }
  const id = values.length;
  values.push(s.slice(start, end));
  kinds.push(kind);
  slots[at] = id + 1;
  if (values.length * 2 > slots.length) grow();
  return id;
}

function hashOf(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
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
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && classOf(code) === 1);
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Per ASCII code unit: 1 symbol (`sym`), 2 break (`brk`), 3 break that ends a sentence. */
const PUNCT = new Uint8Array(128);
for (const ch of '$%#') PUNCT[ch.charCodeAt(0)] = 1;
for (const ch of ':,()[]"<>=+&@|') PUNCT[ch.charCodeAt(0)] = 2;
for (const ch of '.!?;') PUNCT[ch.charCodeAt(0)] = 3;
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

/** Tokenizes already-folded text into the compact form (a hand-written scanner: this runs on every text). */
export function tokenList(s: string): TokenList {
  const gen = generation;
  const d: number[] = [];
  const n = s.length;
  let sentence = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 10) {
      sentence++;
      i++;
      continue;
    }
    if (c <= 32) {
      i++;
      continue;
    }
    if (c === 123 && s.charCodeAt(i + 1) === 123) {
      const end = paramEnd(s, i);
      if (end !== -1) {
        d.push(intern(s, i, end, hashOf(s, i, end), PARAM), i, end, sentence);
        i = end;
        continue;
      }
    }
    if (isDigit(c)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isDigit(s.charCodeAt(j))) j++;
        const e = s.charCodeAt(j);
        if ((e === 46 || e === 44) && isDigit(s.charCodeAt(j + 1))) j += 2;
        else break;
      }
      d.push(intern(s, i, j, hashOf(s, i, j), NUM), i, j, sentence);
      i = j;
      continue;
    }
    if (isLetter(c)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isLetter(s.charCodeAt(j))) j++;
        if (s.charCodeAt(j) === 39 && j + 1 < n && isLetter(s.charCodeAt(j + 1))) j += 2;
        else break;
      }
      d.push(intern(s, i, j, hashOf(s, i, j), WORD), i, j, sentence);
      i = j;
      continue;
    }
    if (c < 128) {
      const p = PUNCT[c]!;
      if (p === 1) d.push(intern(s, i, i + 1, hashOf(s, i, i + 1), SYM), i, i + 1, sentence);
      else if (p !== 0) {
        d.push(intern(s, i, i + 1, hashOf(s, i, i + 1), BRK), i, i + 1, sentence);
        if (p === 3) sentence++;
      }
      i++;
      continue;
    }
    const ch = s[i]!;
    if (SYM_NON_ASCII.has(ch)) {
      d.push(intern(s, i, i + 1, hashOf(s, i, i + 1), SYM), i, i + 1, sentence);
      i++;
      continue;
    }
    if (BRK_NON_ASCII.has(ch)) {
      d.push(intern(s, i, i + 1, hashOf(s, i, i + 1), BRK), i, i + 1, sentence);
      i++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      if (PICTO.test(s.slice(i, i + 2))) d.push(intern(s, i, i + 2, hashOf(s, i, i + 2), EMOJI), i, i + 2, sentence);
      i += 2;
      continue;
    }
    if (c >= 0x2000 && classOf(c) === 2) d.push(intern(s, i, i + 1, hashOf(s, i, i + 1), EMOJI), i, i + 1, sentence);
    i++;
  }
  // The value table was reset while tokenizing (it is bounded): the ids before the reset are stale.
  if (generation !== gen) return tokenList(s);
  return { n: d.length >> 2, d, gen };
}

/** The tokens of a compact list as objects. */
export function tokenObjects(list: TokenList): Token[] {
  const out: Token[] = [];
  const d = list.d;
  for (let k = 0; k < d.length; k += 4) out.push({ kind: KIND_NAMES[kinds[d[k]!]!]!, value: values[d[k]!]!, start: d[k + 1]!, end: d[k + 2]!, sentence: d[k + 3]! });
  return out;
}

/** Tokenizes already-folded text. */
export function tokenizeFolded(s: string): Token[] {
  return tokenObjects(tokenList(s));
}

/** Folds and tokenizes text. */
export function tokenize(text: string): TokenizedText {
  const folded = foldText(text);
  return { folded, tokens: tokenizeFolded(folded.text) };
}
