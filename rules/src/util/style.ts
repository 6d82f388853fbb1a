import { validParameters } from '@pesan/core';

export interface Word {
  start: number;
  end: number;
  /** A parameter (`{{1}}`) rather than a fixed word. */
  parameter: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’._-]*/gu;

/**
 * Fixed words and parameters of a text in order, with offsets into the ORIGINAL text (core's `fixedWords` returns
 * offsets into the text with parameters collapsed to one space). Word syntax is the same as `fixedWords`.
 */
export function wordsOf(text: string): Word[] {
  const params = validParameters(text);
  // One pass (splicing the text once per parameter was quadratic in their number).
  const parts: string[] = [];
  let cursor = 0;
  for (const p of params) {
    parts.push(text.slice(cursor, p.start), ' '.repeat(p.end - p.start));
    cursor = p.end;
  }
  parts.push(text.slice(cursor));
  const blanked = parts.join('');
  const out: Word[] = params.map((p) => ({ start: p.start, end: p.end, parameter: true }));
  WORD.lastIndex = 0;
  for (let m = WORD.exec(blanked); m; m = WORD.exec(blanked)) out.push({ start: m.index, end: m.index + m[0].replace(/[._-]+$/, '').length, parameter: false });
  return out.sort((a, b) => a.start - b.start);
}
