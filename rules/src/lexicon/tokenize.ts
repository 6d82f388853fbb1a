import { foldText, type FoldedText } from './fold.js';

/**
 * Tokens of folded text. Whitespace, hyphens, slashes, apostrophes between words and WhatsApp formatting markers
 * (`* _ ~`) are not tokens; other punctuation is (`brk`), so multi-word terms never match across it. Letters and
 * digits are separate tokens (`rp50rb` → rp 50 rb, `24jam` → 24 jam); terms are tokenized the same way.
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

const SYM = new Set(['$', '€', '£', '¥', '₹', '%', '#']);
const BRK = new Set(['.', '!', '?', ';', ':', ',', '(', ')', '[', ']', '"', '“', '”', '«', '»', '¿', '¡', '<', '>', '=', '+', '&', '@', '|']);
const SENTENCE_END = new Set(['.', '!', '?', ';']);

/** Tokenizes already-folded text (a hand-written scanner: this runs on every text of every draft). */
export function tokenizeFolded(s: string): Token[] {
  const tokens: Token[] = [];
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
      const close = s.indexOf('}}', i + 2);
      if (close !== -1) {
        const inner = s.slice(i + 2, close);
        if (!/[{}\n]/.test(inner)) {
          tokens.push({ kind: 'param', value: s.slice(i, close + 2), start: i, end: close + 2, sentence });
          i = close + 2;
          continue;
        }
      }
    }
    if (isDigit(c)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isDigit(s.charCodeAt(j))) j++;
        const d = s.charCodeAt(j);
        if ((d === 46 || d === 44) && isDigit(s.charCodeAt(j + 1))) j += 2;
        else break;
      }
      tokens.push({ kind: 'num', value: s.slice(i, j), start: i, end: j, sentence });
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
      tokens.push({ kind: 'word', value: s.slice(i, j), start: i, end: j, sentence });
      i = j;
      continue;
    }
    const ch = s[i]!;
    if (SYM.has(ch)) {
      tokens.push({ kind: 'sym', value: ch, start: i, end: i + 1, sentence });
      i++;
      continue;
    }
    if (BRK.has(ch)) {
      tokens.push({ kind: 'brk', value: ch, start: i, end: i + 1, sentence });
      if (SENTENCE_END.has(ch)) sentence++;
      i++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const pair = s.slice(i, i + 2);
      if (PICTO.test(pair)) tokens.push({ kind: 'emoji', value: pair, start: i, end: i + 2, sentence });
      i += 2;
      continue;
    }
    if (c >= 0x2000 && classOf(c) === 2) tokens.push({ kind: 'emoji', value: ch, start: i, end: i + 1, sentence });
    i++;
  }
  return tokens;
}

/** Folds and tokenizes text. */
export function tokenize(text: string): TokenizedText {
  const folded = foldText(text);
  return { folded, tokens: tokenizeFolded(folded.text) };
}
