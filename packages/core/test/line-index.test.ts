import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detached, LineIndex } from '../src/source/text.js';

/** Lines end at LF, CRLF or a lone CR; positions are 1-based line and column (UTF-16 code units). */
function referenceStarts(text: string): number[] {
  const starts = [0];
  const ends = /\r\n|\r|\n/g;
  for (let m = ends.exec(text); m !== null; m = ends.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

describe('LineIndex', () => {
  it('finds every line start and position, with or without CR (generated texts)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', '\n', '\r', '\r\n', ' ', '😀'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const index = new LineIndex(text);
        const starts = referenceStarts(text);
        expect(index.lineCount).toBe(starts.length);
        for (let offset = 0; offset <= text.length; offset++) {
          let line = 0;
          while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
          expect(index.position(offset)).toEqual({ line: line + 1, column: offset - starts[line]! + 1 });
        }
      }),
      { numRuns: Number(process.env.PESAN_FUZZ_RUNS ?? 300) },
    );
  });
});

describe('detached', () => {
  it('returns the same characters (short strings, long slices, astral and lone surrogates)', () => {
    const source = `${'x'.repeat(40)}order_shipped_en_00001 😀 \ud800 ${'y'.repeat(40)}`;
    fc.assert(
      fc.property(fc.nat(source.length), fc.nat(source.length), (a, b) => {
        const slice = source.slice(Math.min(a, b), Math.max(a, b));
        expect(detached(slice)).toBe(slice);
      }),
      { numRuns: Number(process.env.PESAN_FUZZ_RUNS ?? 300) },
    );
  });
});

