import { findBraceMistakes, findParameters, memoText, validParameters, type Draft, type Fix, type MappedText, type ParameterToken, type Range, type TextField } from '@pesan/core';
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { jsonTemplateNode } from './json-source.js';
import { lastDraftMemo } from './recent-drafts.js';

/** Shared helpers of the parameter and example rules. */

/** Meta's placeholder forms (the same patterns as @pesan/core's findParameters). */
export const POSITIONAL = /^[1-9]\d*$/;
export const NAMED = /^[a-z_][a-z0-9_]*$/;

/** A text that may hold parameters: the body, a text header, or a URL button's URL. Each numbers its own `{{1}}`. */
export interface PlaceholderField {
  /** How messages name it: `body`, `header`, `URL of button 2`. */
  label: string;
  kind: 'body' | 'header' | 'url';
  text: MappedText;
}

/** The draft's placeholder fields: header, body, URL buttons, in that order (shared by several rules: do not change). */
export const placeholderFields: (draft: Draft) => readonly PlaceholderField[] = lastDraftMemo(computePlaceholderFields);

function computePlaceholderFields(draft: Draft): PlaceholderField[] {
  const out: PlaceholderField[] = [];
  if (draft.header?.text) out.push({ label: 'header', kind: 'header', text: draft.header.text.text });
  if (draft.body) out.push({ label: 'body', kind: 'body', text: draft.body.text });
  for (const b of draft.buttons) {
    if (b.type.value === 'url' && b.url) out.push({ label: `URL of button ${b.index + 1}`, kind: 'url', text: b.url.text });
  }
  return out;
}

/** Every valid parameter of the template (header, body, URL buttons) with the field it sits in, in that order. */
export const templateParameters: (draft: Draft) => readonly { field: PlaceholderField; param: ParameterToken }[] = lastDraftMemo(computeTemplateParameters);

function computeTemplateParameters(draft: Draft): { field: PlaceholderField; param: ParameterToken }[] {
  const out: { field: PlaceholderField; param: ParameterToken }[] = [];
  for (const field of placeholderFields(draft)) for (const param of validParameters(field.text.text)) out.push({ field, param });
  return out;
}

/**
 * A safe replacement of value characters `[start, end)`: only when those characters sit verbatim in the file
 * (no escape, no folded scalar), so the edit cannot corrupt JSON or YAML quoting.
 */
export function replaceFix(draft: Draft, text: MappedText, start: number, end: number, replacement: string): Fix | undefined {
  if (!text.isExact || /["'\\\n\r]/.test(replacement)) return undefined;
  const range = text.fileRange(start, end);
  if (draft.file.text.slice(range[0], range[1]) !== text.text.slice(start, end)) return undefined;
  return { range, text: replacement };
}

/**
 * One fix that replaces several tokens of the same text: the file span from the first to the last token, with
 * each token's characters swapped. Undefined if any token is not verbatim in the file.
 */
export function replaceManyFix(draft: Draft, text: MappedText, edits: { start: number; end: number; text: string }[]): Fix | undefined {
  if (edits.length === 0 || !text.isExact) return undefined;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const spans: { range: Range; text: string }[] = [];
  for (const e of sorted) {
    const fix = replaceFix(draft, text, e.start, e.end, e.text);
    if (!fix) return undefined;
    spans.push(fix);
  }
  const from = spans[0]!.range[0];
  const to = spans[spans.length - 1]!.range[1];
  let out = '';
  let cursor = from;
  for (const s of spans) {
    if (s.range[0] < cursor) return undefined;
    out += draft.file.text.slice(cursor, s.range[0]) + s.text;
    cursor = s.range[1];
  }
  return { range: [from, to], text: out };
}

/** A placeholder-like group that is not a valid parameter, classified by the rule that owns it. */
export type PlaceholderProblem =
  | { owner: 'syntax'; kind: 'braces' | 'spaces' | 'empty' | 'zero' | 'leadingZero' | 'notNumber'; start: number; end: number; raw: string; expected?: string }
  | { owner: 'named'; start: number; end: number; raw: string; name: string; suggestion?: string }
  | { owner: 'special'; start: number; end: number; raw: string; chars: string; moved?: string };

/** Characters a (possibly misspelt) name may hold: letters of any script, digits, `_`, `-` and spaces. */
const NAME_LIKE = /^[\p{L}_][\p{L}\p{M}\p{N}_\s-]*$/u;
const SPECIAL = /[^\p{L}\p{M}\p{N}_\s-]/gu;

/**
 * Classifies every near-miss placeholder of a text. The split keeps each mistake with exactly one rule:
 * - `syntax` (positional-param-syntax): brace counts (`{1}`, `{{1}`, `{{{1}}}`), spaces around an otherwise valid
 *   parameter (`{{ 1 }}`, `{{ first_name }}`), and contents that start with a digit (`{{0}}`, `{{01}}`, `{{1a}}`);
 * - `named` (named-param-syntax): a name with capitals, hyphens, inner spaces or accents (`{{firstName}}`);
 * - `special` (param-special-chars): any other character inside the braces (`{{$amount}}`, `{{#1}}`).
 */
export const placeholderProblems: (text: string) => readonly PlaceholderProblem[] = memoText(computePlaceholderProblems);

function computePlaceholderProblems(text: string): PlaceholderProblem[] {
  const out: PlaceholderProblem[] = [];
  const mistakes = findBraceMistakes(text);
  for (const m of mistakes) {
    const inner = m.raw.replace(/^\{+/, '').replace(/\}+$/, '').trim();
    const fixable = POSITIONAL.test(inner) || NAMED.test(inner);
    out.push({ owner: 'syntax', kind: 'braces', start: m.start, end: m.end, raw: m.raw, ...(fixable ? { expected: `{{${inner}}}` } : {}) });
  }
  for (const token of findParameters(text)) {
    if (token.kind !== 'malformed') continue;
    if (mistakes.some((m) => m.start < token.end && token.start < m.end)) continue;
    const t = token.inner.trim();
    const base = { start: token.start, end: token.end, raw: token.raw };
    if (t === '') {
      out.push({ owner: 'syntax', kind: 'empty', ...base });
    } else if (/^\p{N}/u.test(t) && !/[^\p{L}\p{M}\p{N}_\s]/u.test(t)) {
      if (POSITIONAL.test(t)) out.push({ owner: 'syntax', kind: 'spaces', ...base, expected: `{{${t}}}` });
      else if (/^0+$/.test(t)) out.push({ owner: 'syntax', kind: 'zero', ...base });
      else if (/^0+[1-9]\d*$/.test(t)) out.push({ owner: 'syntax', kind: 'leadingZero', ...base, expected: `{{${Number(t)}}}` });
      else out.push({ owner: 'syntax', kind: 'notNumber', ...base });
    } else if (NAME_LIKE.test(t)) {
      if (NAMED.test(t)) {
        out.push({ owner: 'syntax', kind: 'spaces', ...base, expected: `{{${t}}}` });
      } else {
        const suggestion = snakeCase(t);
        out.push({ owner: 'named', ...base, name: t, ...(suggestion ? { suggestion } : {}) });
      }
    } else {
      const chars = [...new Set(t.match(SPECIAL) ?? [])].join('');
      out.push({ owner: 'special', ...base, chars, ...movedOut(t) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * `$amount` → `${{amount}}`, `R$1` → `R${{1}}`, `amount%` → `{{amount}}%`: symbols at the edge (after at most
 * three capitals, for currencies such as R$ or US$) moved outside the braces.
 */
function movedOut(t: string): { moved?: string } {
  const m = /^((?:\p{Lu}{1,3})?[^\p{L}\p{N}_\s]+|)\s*([\p{L}\p{N}_]+)\s*([^\p{L}\p{N}_\s]*)$/u.exec(t);
  if (!m) return {};
  const core = m[2] ?? '';
  if (!POSITIONAL.test(core) && !NAMED.test(core)) return {};
  return { moved: `${m[1] ?? ''}{{${core}}}${m[3] ?? ''}` };
}

/** `firstName`, `First_Name`, `first-name`, `número` → `first_name`, `numero`. Undefined if nothing valid is left. */
export function snakeCase(name: string): string | undefined {
  const out = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/_+/g, '_');
  return NAMED.test(out) ? out : undefined;
}

/** `parameter_format` as declared: `positional`, `named`, `unknown` (another value), or undefined (not set). */
export function declaredParameterFormat(draft: Draft): 'positional' | 'named' | 'unknown' | undefined {
  const value = draft.parameterFormat?.value.trim().toLowerCase();
  if (value === undefined) return undefined;
  return value === 'positional' || value === 'named' ? value : 'unknown';
}

/** An example value with the parameter it stands for. */
export interface ExampleEntry {
  field: TextField;
  /** `{{1}}` or `{{first_name}}`. */
  param: string;
  component: 'body' | 'header';
  /** Parameter number (positional examples) or name (named examples). */
  index?: number;
  name?: string;
}

/** Body and header example values with the parameter each belongs to (shared by several rules: do not change). */
export const exampleEntries: (draft: Draft) => readonly ExampleEntry[] = lastDraftMemo(computeExampleEntries);

function computeExampleEntries(draft: Draft): ExampleEntry[] {
  const out: ExampleEntry[] = [];
  const headerParams = draft.header?.text ? distinct(validParameters(draft.header.text.text.text)) : [];
  draft.header?.examples.forEach((field, i) => {
    const p = headerParams[i];
    if (p?.kind === 'named') out.push({ field, param: p.raw, component: 'header', name: p.name! });
    else out.push({ field, param: `{{${i + 1}}}`, component: 'header', index: i + 1 });
  });
  draft.bodyExamples.positional.forEach((field, i) => out.push({ field, param: `{{${i + 1}}}`, component: 'body', index: i + 1 }));
  for (const [name, field] of draft.bodyExamples.named) out.push({ field, param: `{{${name}}}`, component: 'body', name });
  return out;
}

/** First occurrence of each parameter, in text order. */
export function distinct(params: readonly ParameterToken[]): ParameterToken[] {
  const seen = new Set<string>();
  return params.filter((p) => {
    if (seen.has(p.raw)) return false;
    seen.add(p.raw);
    return true;
  });
}

/** The example value of a body parameter, if any. */
export function bodyExampleFor(draft: Draft, param: ParameterToken): TextField | undefined {
  if (param.kind === 'positional') return draft.bodyExamples.positional[param.index! - 1];
  if (param.kind === 'named') return draft.bodyExamples.named.get(param.name!);
  return undefined;
}

/** A value for messages: at most 40 characters, line breaks shown as `\n`. */
export function preview(value: string): string {
  const flat = value.replace(/\r?\n/g, '\\n').replace(/\t/g, '\\t');
  const chars = [...flat];
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : flat;
}

/** File range of a value's characters, without quotes; a zero-width range inside the quotes for an empty value. */
export function valueRange(field: TextField): Range {
  return field.text.fileRange(0, field.text.text.length);
}


/**
 * `param_name` nodes of a Meta JSON draft's `body_text_named_params` and `header_text_named_params`, with their
 * positions (the model keeps one example per name, so duplicates are only visible in the source).
 */
export function jsonNamedExampleDeclarations(draft: Draft): { key: string; name: string; range: Range }[] {
  const template = jsonTemplateNode(draft);
  if (!template) return [];
  const components = pairValue(template, 'components');
  if (!isSeq(components)) return [];
  const out: { key: string; name: string; range: Range }[] = [];
  for (const component of components.items) {
    if (!isMap(component)) continue;
    const example = pairValue(component, 'example');
    if (!isMap(example)) continue;
    for (const key of ['body_text_named_params', 'header_text_named_params']) {
      const list = pairValue(example, key);
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        if (!isMap(item)) continue;
        const name = pairValue(item, 'param_name');
        if (isScalar(name) && typeof name.value === 'string' && name.range) out.push({ key, name: name.value, range: [name.range[0], name.range[1]] });
      }
    }
  }
  return out;
}

function pairValue(map: YAMLMap, key: string): unknown {
  for (const pair of map.items) {
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof k === 'string' && k.toLowerCase() === key) return pair.value;
  }
  return undefined;
}
