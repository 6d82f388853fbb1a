import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visibleMessage } from '../src/engine/finding.js';

/** Messages quote user text: hidden and control characters are shown as `\uXXXX`, everything else is kept. */
describe('visibleMessage', () => {
  it('escapes control, C1 and bidirectional characters and nothing else', () => {
    expect(visibleMessage('Unexpected `a\u202eb` in\ttext\u0007')).toBe('Unexpected `a\\u202eb` in\\u0009text\\u0007');
    expect(visibleMessage('Ação ✓ 😀 \u00a0 \u200b')).toBe('Ação ✓ 😀 \u00a0 \u200b');
  });

  it('equals escaping every \\p{Cc} and U+202A–E, U+2066–9 (generated texts)', () => {
    const reference = (m: string): string => m.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.constantFrom('\u0000', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0', '\u2029', '\u202a', '\u202e', '\u202f', '\u2066', '\u2069', '\u206a', 'x'), { maxLength: 5 }), (text, extra) => {
        const message = text + extra.join('');
        expect(visibleMessage(message)).toBe(reference(message));
      }),
      { numRuns: Number(process.env.PESAN_FUZZ_RUNS ?? 300) },
    );
  });
});
