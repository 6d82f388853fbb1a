/**
 * Positions inside a source file.
 *
 * Offsets are UTF-16 code-unit indices into the file text (what JavaScript strings index), end-exclusive.
 * Lines and columns are 1-based and columns count UTF-16 code units: the ESLint and LSP convention.
 */
export type Range = readonly [start: number, end: number];

export interface Position {
  line: number;
  column: number;
}

export interface SourceFile {
  /** Path as given by the user (or the --stdin-filename). */
  path: string;
  /** Decoded text without a byte-order mark. */
  text: string;
  lines: LineIndex;
}

export function createSourceFile(path: string, text: string): SourceFile {
  return { path, text, lines: new LineIndex(text) };
}

/** Maps offsets to 1-based line/column and back. `\n`, `\r\n` and a lone `\r` all end a line. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    // Most files have LF line ends only: the native search finds them several times faster than a loop.
    if (text.indexOf('\r') === -1) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.starts[lo] as number) + 1 };
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))] as number;
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    const next = line < this.starts.length ? (this.starts[line] as number) : this.text.length + 1;
    let end = Math.min(next, this.text.length + 1) - 1;
    if (line >= this.starts.length) return this.text.length;
    if (this.text.charCodeAt(end - 1) === 13 && this.text.charCodeAt(end) === 10) end--;
    return Math.max(this.lineStart(line), end);
  }

  offset(position: Position): number {
    return Math.min(this.lineStart(position.line) + position.column - 1, this.text.length);
  }
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Number of Unicode code points: what Meta's length limits count. */
export function codePointLength(text: string): number {
  // Without a high surrogate every code unit is a code point (most texts): no need to walk them.
  if (!HIGH_SURROGATE.test(text)) return text.length;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** UTF-16 index of the code point that follows `count` code points. */
export function offsetAfterCodePoints(text: string, count: number): number {
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < count) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    seen++;
  }
  return i;
}

/**
 * A copy of `text` that does not keep alive the string it was cut from. V8 represents a slice of 13 or more
 * characters as a view into its source, so a template name or a message kept in a run's results held its whole
 * file's text (measured: 100,000 slices of 30 characters cut from 2 KB strings kept 206 MB; their copies 9 MB).
 * For what the results keep until the end of a run.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

