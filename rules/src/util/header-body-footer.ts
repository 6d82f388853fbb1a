import { findEmoji, findParameters, monospaceRanges, type Draft, type Match, type Range } from '@pesan/core';
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { jsonTemplateNode } from './json-source.js';

/** Shared helpers of the header, body, footer, formatting and authentication-content rules. */

const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;

/**
 * Emoji as WhatsApp shows them: `findEmoji` minus single text-style symbols (™ U+2122, ‼ U+203C, ℹ U+2139...)
 * that have no emoji presentation by default and no U+FE0F after them.
 */
export function emojiIn(text: string): Match[] {
  return findEmoji(text).filter((e) => [...e.text].length > 1 || EMOJI_PRESENTATION.test(e.text));
}

/** The text with every `{{…}}` group replaced by `x` of the same length, so offsets stay valid. */
export function maskParameters(text: string): string {
  return blankAll(text, findParameters(text).map((p) => [p.start, p.end] as const));
}

/**
 * Replaces each of the ranges (in order, not overlapping) of `text` by `x`, keeping line breaks (and so line
 * structure) in place. One pass: splicing the text once per range was quadratic in the number of ranges.
 */
function blankAll(text: string, ranges: readonly (readonly [number, number])[]): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(cursor, start), text.slice(start, end).replace(/[^\n]/g, 'x'));
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

const ALNUM = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/**
 * WhatsApp formatting spans on one line: `*bold*`, `_italic_`, `~strike~`. Like WhatsApp, the opening marker must
 * not follow a letter or digit and must be followed by a non-space; the closing marker must follow a non-space
 * and must not be followed by a letter or digit. Offsets are into `text` (run on parameter-masked text).
 *
 * This is what the pattern `(?<![\p{L}\p{N}m])m(?![\sm])(?:[^\n]*?[^\sm])?m(?![\p{L}\p{N}m])` finds (for each
 * marker m), scanned by hand: the pattern retried every opening marker against the rest of its line, which was
 * quadratic on a long line of markers that never close. Here each opening marker takes the first closing marker
 * after it on its line, and when none is left the rest of the line is skipped (no later marker can find one).
 */
export function formattingSpans(text: string): { start: number; end: number; marker: string }[] {
  const out: { start: number; end: number; marker: string }[] = [];
  for (const marker of MARKERS) {
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf(marker, i);
      if (open === -1) break;
      if (!opensSpan(text, open, marker)) {
        i = open + 1;
        continue;
      }
      let lineEnd = text.indexOf('\n', open);
      if (lineEnd === -1) lineEnd = text.length;
      let close = text.indexOf(marker, open + 2);
      while (close !== -1 && close < lineEnd && !closesSpan(text, close, marker)) close = text.indexOf(marker, close + 1);
      if (close === -1 || close >= lineEnd) {
        i = lineEnd + 1;
        continue;
      }
      out.push({ start: open, end: close + 1, marker });
      i = close + 1;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const MARKERS = ['*', '_', '~'] as const;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The code point that ends just before `i` (a surrogate pair counts as one). */
function codePointBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/** The code point that starts at `i`. */
function codePointAt(text: string, i: number): string | undefined {
  const cp = text.codePointAt(i);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

function opensSpan(text: string, i: number, marker: string): boolean {
  const before = codePointBefore(text, i);
  if (before !== undefined && (before === marker || LETTER_OR_DIGIT.test(before))) return false;
  const after = text[i + 1];
  return after === undefined || (after !== marker && !SPACE.test(after));
}

function closesSpan(text: string, i: number, marker: string): boolean {
  const before = text[i - 1]!;
  if (before === marker || SPACE.test(before)) return false;
  const after = codePointAt(text, i + 1);
  return after === undefined || (after !== marker && !LETTER_OR_DIGIT.test(after));
}

export interface PlainTextProblem {
  kind: 'emoji' | 'format' | 'newline';
  start: number;
  end: number;
  text: string;
}

/**
 * What makes a header or footer not plain text: each emoji, each WhatsApp formatting span (`*x*`, `_x_`, `~x~`,
 * ```` ```x``` ````) and each line break. Parameters are ignored (`{{first_name}}` has an underscore, not italics).
 */
export function plainTextProblems(text: string): PlainTextProblem[] {
  const out: PlainTextProblem[] = [];
  for (const e of emojiIn(text)) out.push({ kind: 'emoji', start: e.start, end: e.end, text: e.text });
  const masked = maskParameters(text);
  const mono = monospaceRanges(masked);
  for (const [start, end] of mono) out.push({ kind: 'format', start, end, text: text.slice(start, end) });
  const rest = blankAll(masked, mono);
  for (const s of formattingSpans(rest)) out.push({ kind: 'format', start: s.start, end: s.end, text: text.slice(s.start, s.end) });
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push({ kind: 'newline', start: i, end: i + 1, text: '\\n' });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;
const INLINE_CODE = /`[^`\n]+`/g;
/** USSD and phone-menu codes such as `*123#` or `*888*1#` (common in telco messages). */
const USSD = /[*#]\d[\d*#]*#/g;

/** One unmatched formatting marker. */
export interface UnmatchedMarker {
  index: number;
  marker: string;
  /** `open`: starts formatting that never closes on its line; `close`: ends formatting that never opened. */
  side: 'open' | 'close';
}

/**
 * Formatting markers `*`, `_`, `~` that WhatsApp would pair but cannot on their line. Markers inside ``` blocks,
 * inline code, parameters and URLs, markers in a run (`**`, `__`), markers inside words (`snake_case`), list
 * bullets (`* item`), markers between punctuation (`^_^`), `~` before a digit (`~5 min`), `*` after a number (`5* hotel`, `20%*`) and footnote asterisks (`Free delivery*` … `*Terms apply`)
 * are ignored.
 */
export function unmatchedMarkers(body: string): UnmatchedMarker[] {
  let text = maskParameters(body);
  text = blankAll(text, monospaceRanges(text));
  for (const re of [INLINE_CODE, URL_LIKE, USSD]) {
    // Blanking a match changes only characters the scan has passed (and no match starts right after another), so
    // the matches of one pattern are blanked together.
    const found: [number, number][] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push([m.index, m.index + m[0].length]);
    text = blankAll(text, found);
  }
  const found: (UnmatchedMarker & { lineStart: boolean; line: number })[] = [];
  let lineStart = 0;
  let line = 0;
  for (const lineText of text.split('\n')) {
    for (const marker of ['*', '_', '~']) {
      let open = -1;
      for (let i = 0; i < lineText.length; i++) {
        if (lineText[i] !== marker || lineText[i - 1] === marker || lineText[i + 1] === marker) continue;
        const prev = lineText[i - 1];
        const next = lineText[i + 1];
        // Between two punctuation characters (`(*)`, `^_^`) a marker is a symbol, not formatting.
        if (prev !== undefined && next !== undefined && !ALNUM.test(prev) && !SPACE.test(prev) && !ALNUM.test(next) && !SPACE.test(next)) continue;
        const opener = (prev === undefined || !ALNUM.test(prev)) && next !== undefined && !SPACE.test(next) && !(marker === '~' && /\d/.test(next));
        const closer = prev !== undefined && !SPACE.test(prev) && (next === undefined || !ALNUM.test(next));
        if (open === -1) {
          if (opener) open = i;
          // A lone `*` after a number is a rating or footnote mark (`5* hotel`, `20%*`), not a closing marker.
          else if (closer && !(marker === '*' && /[\d%]/.test(prev ?? ''))) found.push({ index: lineStart + i, marker, side: 'close', lineStart: false, line });
        } else if (closer && i > open + 1) {
          open = -1;
        }
      }
      if (open !== -1) found.push({ index: lineStart + open, marker, side: 'open', lineStart: lineText.slice(0, open).trim() === '', line });
    }
    lineStart += lineText.length + 1;
    line++;
  }
  // Footnotes: an unmatched `*` after a word, explained by a later line that starts with an unmatched `*`.
  const footnoteOpen = found.filter((f) => f.marker === '*' && f.side === 'open' && f.lineStart);
  const footnoteClose = found.filter((f) => f.marker === '*' && f.side === 'close');
  const dropped = new Set<UnmatchedMarker>();
  for (const close of footnoteClose) {
    const note = footnoteOpen.find((o) => o.line > close.line);
    if (note) {
      dropped.add(close);
      dropped.add(note);
    }
  }
  return found
    .filter((f) => !dropped.has(f))
    .map(({ index, marker, side }) => ({ index, marker, side }))
    .sort((a, b) => a.index - b.index);
}

/** A component of a Meta JSON template with its position in the file. */
export interface JsonComponent {
  /** Upper-case `type`, or '' when missing. */
  type: string;
  /** The component object. */
  range: Range;
  /** The `text` value (quotes included), when the component has one. */
  textRange?: Range;
  /** The raw `text` value, when it is a string. */
  text?: string;
}


function keyOf(map: YAMLMap, key: string): { value: unknown; keyRange?: Range } | undefined {
  for (const pair of map.items) {
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof k === 'string' && k.toLowerCase() === key) {
      const r = (pair.key as Node | null)?.range;
      return r ? { value: pair.value, keyRange: [r[0], r[1]] } : { value: pair.value };
    }
  }
  return undefined;
}

function rangeOf(node: unknown): Range | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/**
 * The `components` of a Meta JSON draft with file positions (the model keeps only the first header and body).
 * Undefined for Markdown drafts or when `components` is not an array.
 */
export function jsonComponents(draft: Draft): { components: JsonComponent[]; keyRange?: Range; range: Range } | undefined {
  const template = jsonTemplateNode(draft);
  if (!template) return undefined;
  const pair = keyOf(template, 'components');
  if (!pair || !isSeq(pair.value)) return undefined;
  const components: JsonComponent[] = [];
  for (const item of pair.value.items) {
    if (!isMap(item)) continue;
    const type = keyOf(item, 'type')?.value;
    const text = keyOf(item, 'text')?.value;
    const component: JsonComponent = {
      type: isScalar(type) && typeof type.value === 'string' ? type.value.toUpperCase() : '',
      range: rangeOf(item) ?? draft.range,
    };
    const textRange = rangeOf(text);
    if (textRange) component.textRange = textRange;
    if (isScalar(text) && typeof text.value === 'string') component.text = text.value;
    components.push(component);
  }
  return { components, range: rangeOf(pair.value) ?? draft.range, ...(pair.keyRange ? { keyRange: pair.keyRange } : {}) };
}
