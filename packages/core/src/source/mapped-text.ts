import type { Range } from './text.js';

/**
 * A string value together with where each of its characters sits in the file.
 *
 * Template text is rarely a verbatim slice of the file: a JSON string has escapes, a Markdown body loses its
 * directive comments, a folded YAML scalar loses line breaks. Rules work on the value (what Meta receives) and
 * ask this map for file ranges, so every finding still points at the exact characters in the file.
 */
export class MappedText {
  private constructor(
    readonly text: string,
    private readonly starts: Int32Array | undefined,
    private readonly ends: Int32Array | undefined,
    private readonly base: number,
    /** When the value cannot be mapped character by character, every range is this whole range. */
    private readonly opaque: Range | undefined,
  ) {}

  /** The value is a verbatim slice of the file starting at `base`. */
  static direct(text: string, base: number): MappedText {
    return new MappedText(text, undefined, undefined, base, undefined);
  }

  /** Each character `i` of the value comes from file range `[starts[i], ends[i])`. */
  static table(text: string, starts: Int32Array, ends: Int32Array): MappedText {
    return new MappedText(text, starts, ends, 0, undefined);
  }

  /** The value cannot be mapped char by char (e.g. a folded YAML scalar): point at the whole node. */
  static opaque(text: string, range: Range): MappedText {
    return new MappedText(text, undefined, undefined, 0, range);
  }

  get isExact(): boolean {
    return this.opaque === undefined;
  }

  /** File range of value characters `[start, end)`. An empty range maps to a zero-width file range. */
  fileRange(start: number, end: number): Range {
    if (this.opaque) return this.opaque;
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    if (!this.starts || !this.ends) return [this.base + s, this.base + e];
    if (this.text.length === 0) return [this.base, this.base];
    if (s === e) {
      const at = s < this.text.length ? (this.starts[s] as number) : (this.ends[this.text.length - 1] as number);
      return [at, at];
    }
    return [this.starts[s] as number, this.ends[e - 1] as number];
  }

  /** File range of the whole value. */
  get range(): Range {
    return this.fileRange(0, this.text.length);
  }
}

/** Builds a table-mapped text by appending pieces whose file position is known. */
export class MappedTextBuilder {
  private text = '';
  private starts: number[] = [];
  private ends: number[] = [];

  /** Append a verbatim slice that starts at file offset `fileStart`. */
  appendSlice(slice: string, fileStart: number): void {
    for (let i = 0; i < slice.length; i++) {
      this.starts.push(fileStart + i);
      this.ends.push(fileStart + i + 1);
    }
    this.text += slice;
  }

  /** Append one character produced by the file range `[fileStart, fileEnd)` (an escape, for example). */
  appendChar(char: string, fileStart: number, fileEnd: number): void {
    for (let i = 0; i < char.length; i++) {
      this.starts.push(fileStart);
      this.ends.push(fileEnd);
    }
    this.text += char;
  }

  build(): MappedText {
    return MappedText.table(this.text, Int32Array.from(this.starts), Int32Array.from(this.ends));
  }
}
