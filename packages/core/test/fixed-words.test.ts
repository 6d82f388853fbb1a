import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixedWordCount, fixedWords } from '../src/template/text-stats.js';

/**
 * `fixedWordCount` counts without building the words (and blanks parameters differently): it must always equal
 * `fixedWords(text).length`, on every kind of text: accents, combining marks, apostrophes, astral letters and
 * digits, emoji, lone surrogates, parameters next to words.
 */

const runs = Number(process.env.PESAN_FUZZ_RUNS ?? 300);

const pieces = [
  'Halo', 'pesanan', '{{1}}', '{{first_name}}', ' ', '\n', ',', '.', '-', '_', "'", '’', 'é', 'e\u0301', '\u0301', 'ñ', 'ção', 'Rp', '150.000',
  'e-mail', '20%', '😀', '🎉🎉', '\u{1D400}', '\u{1D7CE}', '\uD800', '\uDC00', 'Ａ', '１', '٣', '中文', '𠀀', '¡', '¿', '…', '\u200D', '\uFE0F', '{{ 1 }}', '{1}', '{{', '}}', '{', '}', '{{{1}}}',
];

describe('fixedWords and fixedWordCount', () => {
  it('counts words as Meta does in a few languages', () => {
    expect(fixedWords('Halo {{1}}, tagihan Rp 150.000 jatuh tempo pada {{2}}.').map((w) => w.text)).toEqual(['Halo', 'tagihan', 'Rp', '150.000', 'jatuh', 'tempo', 'pada']);
    expect(fixedWords("Your order's e-mail — ¡Gracias! Ação já").map((w) => w.text)).toEqual(['Your', "order's", 'e-mail', 'Gracias', 'Ação', 'já']);
    expect(fixedWords('🎉🎉 {{1}} {{2}}')).toEqual([]);
    expect(fixedWordCount('Halo {{1}}, tagihan Rp 150.000 jatuh tempo pada {{2}}.')).toBe(7);
    expect(fixedWordCount('abc{{1}}def {{2}}')).toBe(2);
    // What is not a parameter stays text: a line break or a brace inside, an unclosed one.
    for (const text of ['abc{{x\ny}}def', 'a{{{1}}}b', 'a{{1}b', 'a{{b', 'x}}y{{', '{{a}}{{b}}c']) expect(fixedWordCount(text), text).toBe(fixedWords(text).length);
    expect(fixedWordCount('abc{{x\ny}}def')).toBe(4);
  });

  it('counts exactly the words fixedWords finds (generated texts)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(fixedWordCount(text)).toBe(fixedWords(text).length);
      }),
      { numRuns: runs * 10 },
    );
  });
});
