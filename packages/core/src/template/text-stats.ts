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
 * count them, on every draft (`test` advances the regex without making a match object for each word).
 */
export const fixedWordCount: (text: string) => number = memoText(countFixedWords);

function countFixedWords(text: string): number {
  // One space per parameter is enough here: words end at a space whatever its length.
  const stripped = text.indexOf('{{') === -1 ? text : text.replace(PARAMETER, ' ');
  const counter = WORD_COUNTER;
  counter.lastIndex = 0;
  let count = 0;
  while (counter.test(stripped)) count++;
  return count;
}
const WORD_COUNTER = new RegExp(WORD.source, WORD.flags);

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
