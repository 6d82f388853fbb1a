import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixedWords, WORD_PATTERN } from '../src/template/text-stats.js';

/**
 * `fixedWords` scans by hand for speed; it must find exactly the words the documented regex finds (after blanking
 * parameters), on every kind of text: accents, combining marks, apostrophes, astral letters and digits, emoji,
 * lone surrogates.
 */

const runs = Number(process.env.PESAN_FUZZ_RUNS ?? 300);

function byRegex(text: string): { start: number; end: number; text: string }[] {
  const stripped = text.replace(/\{\{[^{}\n]*\}\}/g, (m) => ' '.repeat(m.length));
  return [...stripped.matchAll(WORD_PATTERN)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

const pieces = [
  'Halo', 'pesanan', '{{1}}', '{{first_name}}', ' ', '\n', ',', '.', '-', '_', "'", '’', 'é', 'e\u0301', '\u0301', 'ñ', 'ção', 'Rp', '150.000',
  'e-mail', '20%', '😀', '🎉🎉', '\u{1D400}', '\u{1D7CE}', '\uD800', '\uDC00', 'Ａ', '１', '٣', '中文', '𠀀', '¡', '¿', '…', '\u200D', '\uFE0F', '{{ 1 }}', '{1}',
];

describe('fixedWords', () => {
  it('counts words as Meta does in a few languages', () => {
    expect(fixedWords('Halo {{1}}, tagihan Rp 150.000 jatuh tempo pada {{2}}.').map((w) => w.text)).toEqual(['Halo', 'tagihan', 'Rp', '150.000', 'jatuh', 'tempo', 'pada']);
    expect(fixedWords("Your order's e-mail — ¡Gracias! Ação já").map((w) => w.text)).toEqual(['Your', "order's", 'e-mail', 'Gracias', 'Ação', 'já']);
    expect(fixedWords('🎉🎉 {{1}} {{2}}')).toEqual([]);
  });

  it('finds exactly what the documented regex finds (generated texts)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(fixedWords(text)).toEqual(byRegex(text));
      }),
      { numRuns: runs * 10 },
    );
  });
});
