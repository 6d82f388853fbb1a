import { memoText } from './memo.js';

/**
 * Template parameters (`{{1}}`, `{{first_name}}`) and near-misses (`{{ 1 }}`, `{1}`, `{{{1}}}`) in template text.
 * Offsets are indices into the value string (map them with MappedText for file positions).
 */
export interface ParameterToken {
  /** The whole token as written, braces included. */
  raw: string;
  start: number;
  end: number;
  /** What stands between the braces, untrimmed. */
  inner: string;
  /** `positional` ({{1}}), `named` ({{first_name}}), or `malformed` (anything else inside double braces). */
  kind: 'positional' | 'named' | 'malformed';
  /** Number of a positional parameter. */
  index?: number;
  /** Name of a named parameter. */
  name?: string;
}

const DOUBLE = /\{\{([^{}\n]*)\}\}/g;
const POSITIONAL = /^[1-9]\d*$/;
/** Meta: "lowercase characters and underscores"; digits after the first character are tolerated (unconfirmed). */
const NAMED = /^[a-z_][a-z0-9_]*$/;

export const findParameters: (text: string) => readonly ParameterToken[] = memoText(computeParameters);

function computeParameters(text: string): ParameterToken[] {
  const out: ParameterToken[] = [];
  if (text.indexOf('{{') === -1) return out;
  DOUBLE.lastIndex = 0;
  for (let m = DOUBLE.exec(text); m; m = DOUBLE.exec(text)) {
    const inner = m[1] ?? '';
    const token: ParameterToken = { raw: m[0], start: m.index, end: m.index + m[0].length, inner, kind: 'malformed' };
    // `{{{1}}}` is a malformed token even though `{{1}}` sits inside it.
    const tripled = text[m.index - 1] === '{' || text[token.end] === '}';
    if (!tripled && POSITIONAL.test(inner)) {
      token.kind = 'positional';
      token.index = Number(inner);
    } else if (!tripled && NAMED.test(inner)) {
      token.kind = 'named';
      token.name = inner;
    }
    out.push(token);
  }
  return out;
}

/** Valid parameters only (positional or named), in text order. */
export const validParameters: (text: string) => readonly ParameterToken[] = memoText((text) => findParameters(text).filter((p) => p.kind !== 'malformed'));

/**
 * Brace groups that look like a parameter but do not use exactly two braces: `{1}`, `{{1}`, `{1}}`, `{{{1}}}`.
 * Returned with the brace counts so rules can explain the mistake.
 */
export function findBraceMistakes(text: string): { start: number; end: number; raw: string }[] {
  const out: { start: number; end: number; raw: string }[] = [];
  if (text.indexOf('{') === -1 && text.indexOf('}') === -1) return out;
  // A match starts at the first brace of a run (the lookbehind): starting inside a run can only find the same
  // group, and retrying every position of a long run of `{` made this quadratic.
  const GROUP = /(?<!\{)(\{+)\s*([\w.$#%-]{1,40})\s*(\}+)/g;
  for (let m = GROUP.exec(text); m; m = GROUP.exec(text)) {
    const open = (m[1] ?? '').length;
    const close = (m[3] ?? '').length;
    if (open === 2 && close === 2) continue;
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}

/** Text with every valid parameter replaced by a space: what the reader sees as fixed words. */
export function withoutParameters(text: string): string {
  return text.replace(DOUBLE, ' ');
}
