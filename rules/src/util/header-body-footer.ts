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
  let out = text;
  for (const p of findParameters(text)) out = out.slice(0, p.start) + 'x'.repeat(p.end - p.start) + out.slice(p.end);
  return out;
}

/** Replaces `[start, end)` of `text` by `x`, keeping line breaks (and so line structure) in place. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, 'x') + text.slice(end);
}

const ALNUM = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/** One pattern per marker (`*` needs escaping in a regex; `_` and `~` must not be escaped in `u` mode). */
const SPAN_PATTERNS: [string, RegExp][] = ['*', '_', '~'].map((marker) => {
  const m = marker === '*' ? '\\*' : marker;
  return [marker, new RegExp(`(?<![\\p{L}\\p{N}${m}])${m}(?![\\s${m}])(?:[^\\n]*?[^\\s${m}])?${m}(?![\\p{L}\\p{N}${m}])`, 'gu')];
});

/**
 * WhatsApp formatting spans on one line: `*bold*`, `_italic_`, `~strike~`. Like WhatsApp, the opening marker must
 * not follow a letter or digit and must be followed by a non-space; the closing marker must follow a non-space
 * and must not be followed by a letter or digit. Offsets are into `text` (run on parameter-masked text).
 */
export function formattingSpans(text: string): { start: number; end: number; marker: string }[] {
  const out: { start: number; end: number; marker: string }[] = [];
  for (const [marker, re] of SPAN_PATTERNS) {
    re.lastIndex = 0;
    for (let hit = re.exec(text); hit; hit = re.exec(text)) out.push({ start: hit.index, end: hit.index + hit[0].length, marker });
  }
  return out.sort((a, b) => a.start - b.start);
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
  let rest = masked;
  for (const [start, end] of mono) rest = blank(rest, start, end);
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
  for (const [start, end] of monospaceRanges(text)) text = blank(text, start, end);
  for (const re of [INLINE_CODE, URL_LIKE, USSD]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) text = blank(text, m.index, m.index + m[0].length);
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
