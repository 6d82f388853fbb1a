import { memoText } from './memo.js';

/** One emoji: a pictograph with optional variation selector, skin tone and ZWJ sequence; or a flag pair. */
const EMOJI = /(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*)/gu;

const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;

export interface Match {
  start: number;
  end: number;
  text: string;
}

export const findEmoji: (text: string) => readonly Match[] = memoText(computeEmoji);

function computeEmoji(text: string): Match[] {
  const out: Match[] = [];
  EMOJI.lastIndex = 0;
  for (let m = EMOJI.exec(text); m; m = EMOJI.exec(text)) {
    // Text-style symbols such as ©, ™ or ‼ are pictographic but show as text unless followed by U+FE0F.
    if ([...m[0]].length === 1 && !EMOJI_PRESENTATION.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/**
 * A fixed word as Meta counts them: it starts with a letter or digit and goes on through letters, digits,
 * combining marks and `' ’ . _ -` (`Rp`, `150.000` and `e-mail` are one word each).
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’._-]*/gu;
const PARAMETER = /\{\{[^{}\n]*\}\}/g;

/** Words in the text, parameters excluded (Meta's "fixed words"). Offsets index the original text. */
export const fixedWords: (text: string) => readonly Match[] = memoText(computeFixedWords);

function computeFixedWords(text: string): Match[] {
  // Blank out parameters with spaces of the same length so every offset still points into `text`.
  const stripped = text.indexOf('{{') === -1 ? text : text.replace(PARAMETER, (m) => ' '.repeat(m.length));
  const out: Match[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(stripped); m; m = WORD.exec(stripped)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/**
 * `fixedWords(text).length`, without building the words: the rules that weigh parameters against words only
 * count them, on every draft. One pass over the code points with a class per code unit (a regex `test` per word cost
 * a call into the regex engine for each of the million words of a large run). Parameters count as a space, as in
 * `computeFixedWords`; the property test in fixed-words.test.ts holds the two together.
 */
export const fixedWordCount: (text: string) => number = memoText(countFixedWords);

function countFixedWords(text: string): number {
  const n = text.length;
  let count = 0;
  let inWord = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ && i + 1 < n && text.charCodeAt(i + 1) === 123) {
      const end = parameterEnd(text, i);
      if (end !== -1) {
        inWord = false;
        i = end;
        continue;
      }
    }
    let cls: number;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cls = astralWordClass((c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
        width = 2;
      } else cls = NOT_WORD;
    } else cls = wordClass(c);
    if (inWord) inWord = cls !== NOT_WORD;
    else if (cls === WORD_START) {
      count++;
      inWord = true;
    }
    i += width;
  }
  return count;
}

/** The end of a `{{…}}` parameter at `i` (no braces or line break inside, as PARAMETER matches), or -1. */
function parameterEnd(text: string, i: number): number {
  let k = i + 2;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 123 || c === 10) return -1;
    if (c === 125) break;
  }
  return k + 1 < text.length && text.charCodeAt(k + 1) === 125 ? k + 2 : -1;
}

/** Classes of WORD's characters: a letter or digit starts a word; marks and `' ’ . _ -` only continue one. */
const NOT_WORD = 1;
const WORD_START = 2;
const WORD_CONTINUE = 3;
const WORD_START_CHAR = /^[\p{L}\p{N}]$/u;
const WORD_CONTINUE_CHAR = /^[\p{M}'’._-]$/u;
/** Class per UTF-16 code unit, filled on first sight (0: not yet known). Lone surrogates are not word characters. */
const unitClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classOfChar(ch: string): number {
  return WORD_START_CHAR.test(ch) ? WORD_START : WORD_CONTINUE_CHAR.test(ch) ? WORD_CONTINUE : NOT_WORD;
}

function wordClass(code: number): number {
  let cls = unitClasses[code]!;
  if (cls === 0) unitClasses[code] = cls = code >= 0xd800 && code <= 0xdfff ? NOT_WORD : classOfChar(String.fromCharCode(code));
  return cls;
}

function astralWordClass(codePoint: number): number {
  let cls = astralClasses.get(codePoint);
  if (cls === undefined) {
    cls = classOfChar(String.fromCodePoint(codePoint));
    if (astralClasses.size < 4096) astralClasses.set(codePoint, cls);
  }
  return cls;
}

/** Ranges of lines inside ``` fences, where WhatsApp shows text verbatim (monospace). */
export function monospaceRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = text.indexOf('```');
  while (from !== -1) {
    const to = text.indexOf('```', from + 3);
    if (to === -1) break;
    out.push([from, to + 3]);
    from = text.indexOf('```', to + 3);
  }
  return out;
}
