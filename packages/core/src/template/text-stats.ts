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
 * Word characters as Meta counts fixed words: a word starts with a letter or digit and goes on through letters,
 * digits, combining marks and `' ’ . _ -`. Same as the regex `[\p{L}\p{N}][\p{L}\p{N}\p{M}'’._-]*` (kept as
 * `WORD_PATTERN` for the test that compares them), scanned by hand: every rule run reads the words of every body,
 * and a regex's match objects cost more than the scan.
 */
export const WORD_PATTERN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’._-]*/gu;
const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_PART = /^[\p{L}\p{N}\p{M}'’._-]$/u;
const STARTS = 1;
const CONTINUES = 2;
const NEITHER = 3;
/** Class of each BMP code point, filled in on first sight (0 = not yet known). */
const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();

function classify(char: string): number {
  return WORD_START.test(char) ? STARTS : WORD_PART.test(char) ? CONTINUES : NEITHER;
}

function classOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    let k = bmpClass[codePoint]!;
    if (k === 0) bmpClass[codePoint] = k = classify(String.fromCharCode(codePoint));
    return k;
  }
  let k = astralClass.get(codePoint);
  if (k === undefined) astralClass.set(codePoint, (k = classify(String.fromCodePoint(codePoint))));
  return k;
}

/** Words in the text, parameters excluded (Meta's "fixed words"). Offsets index the original text. */
export const fixedWords: (text: string) => readonly Match[] = memoText(computeFixedWords);

function computeFixedWords(text: string): Match[] {
  // Blank out parameters with spaces of the same length so every offset still points into `text`.
  const stripped = text.indexOf('{{') === -1 ? text : text.replace(/\{\{[^{}\n]*\}\}/g, (m) => ' '.repeat(m.length));
  const out: Match[] = [];
  const n = stripped.length;
  let i = 0;
  while (i < n) {
    const cp = stripped.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (classOf(cp) !== STARTS) continue;
    const start = i - (cp > 0xffff ? 2 : 1);
    while (i < n) {
      const next = stripped.codePointAt(i)!;
      if (classOf(next) === NEITHER) break;
      i += next > 0xffff ? 2 : 1;
    }
    out.push({ start, end: i, text: stripped.slice(start, i) });
  }
  return out;
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
