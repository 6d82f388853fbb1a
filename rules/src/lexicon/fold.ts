/**
 * Text folding for lexicon matching: NFKC (width), strip combining marks (accents), lower case, curly quotes to
 * straight ones. Keeps a map from every folded character back to the original text so matches point at the
 * exact original characters. The map is built lazily: most texts fold to the same length and need none.
 */
export interface FoldedText {
  /** The original text. */
  original: string;
  /** The folded text. */
  text: string;
  /**
   * Pieces where folded and original offsets differ: [foldedStart, foldedEnd, originalStart, originalEnd] per
   * non-identity character, in order; undefined when every folded char i is original char i.
   */
  shifts: number[] | undefined;
}

const MARKS = /\p{M}/gu;
const charCache = new Map<string, string>();

function foldChar(s: string): string {
  const hit = charCache.get(s);
  if (hit !== undefined) return hit;
  let out = s.normalize('NFKC').normalize('NFD').replace(MARKS, '').toLowerCase();
  if (out === '\u2019' || out === '\u2018' || out === '\u02bc') out = "'";
  if (charCache.size < 20_000) charCache.set(s, out);
  return out;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Folds a string for matching (case-, accent- and width-insensitive), with an offset map back to the original. */
export function foldText(original: string): FoldedText {
  if (!NON_ASCII.test(original)) return { original, text: original.toLowerCase(), shifts: undefined };
  const parts: string[] = [];
  let shifts: number[] | undefined;
  let folded = 0;
  let runStart = 0;
  const n = original.length;
  let i = 0;
  while (i < n) {
    const cp = original.charCodeAt(i);
    if (cp < 0x80) {
      i++;
      continue;
    }
    if (i > runStart) {
      parts.push(original.slice(runStart, i).toLowerCase());
      folded += i - runStart;
    }
    const len = cp >= 0xd800 && cp <= 0xdbff && i + 1 < n ? 2 : 1;
    const out = foldChar(original.slice(i, i + len));
    if (out.length !== len) {
      shifts ??= [];
      if (out.length === 0) {
        // A lone combining mark: the previous folded character covers it.
        shifts.push(folded, folded, i, i + len);
      } else shifts.push(folded, folded + out.length, i, i + len);
    }
    parts.push(out);
    folded += out.length;
    i += len;
    runStart = i;
  }
  if (runStart < n) parts.push(original.slice(runStart).toLowerCase());
  return { original, text: parts.join(''), shifts };
}

/** Original offset of folded offset `at`; `end` maps the end of a character (covering a following dropped mark). */
function toOriginal(folded: FoldedText, at: number, end: boolean): number {
  const s = folded.shifts;
  if (!s) return at;
  let delta = 0;
  for (let k = 0; k < s.length; k += 4) {
    const fs = s[k]!;
    const fe = s[k + 1]!;
    const os = s[k + 2]!;
    const oe = s[k + 3]!;
    if (fe === fs) {
      // A dropped combining mark: starts after it and ends right before it both move past it.
      if (at < fs) break;
    } else if (end) {
      if (at <= fs) break;
      if (at <= fe) return oe;
    } else {
      if (at < fs) break;
      if (at < fe) return os;
    }
    delta = oe - fe;
  }
  return at + delta;
}

/** Original range of folded characters `[start, end)`. */
export function originalRange(folded: FoldedText, start: number, end: number): [number, number] {
  if (!folded.shifts) return [start, end];
  const s = toOriginal(folded, start, false);
  return [s, Math.max(s, toOriginal(folded, end, true))];
}

/** Folds a short string without a map (terms, keywords). */
export function fold(s: string): string {
  return foldText(s).text;
}
