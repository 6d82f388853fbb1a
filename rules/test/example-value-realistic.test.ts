import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import rule, { longestSentence } from '../src/rules/example-value-realistic.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const BODY = 'Hi {{1}}, your order {{2}} has shipped.';

runRuleTests(rule, {
  valid: [
    // realistic values
    { code: draft(BODY, 'examples:\n  body: [Ana, A-1042]') },
    // a number that is not the parameter's own number
    { code: draft('You have {{1}} new messages, {{2}}.', 'examples:\n  body: ["3", Ana]') },
    // words that merely contain a filler word
    { code: draft(BODY, 'examples:\n  body: [Testa Rossi, SAMPLE-4821]') },
    // blank values are example-required's
    { code: draft(BODY, 'examples:\n  body: ["", A-1042]') },
    // a longer but realistic address (Portuguese)
    { code: draft('Olá {{1}}, entregaremos em {{2}}.', 'examples:\n  body: [Carla, "Rua das Flores, 123, apto 45, São Paulo"]', { language: 'pt_BR' }) },
    // a long value within a raised limit
    { code: draft(BODY, `examples:\n  body: [Ana, "${'A'.repeat(250)}"]`), options: { maxLength: 300 } },
  ],
  invalid: [
    // filler words and a run of x, each marked on the value
    {
      code: draft(BODY, 'examples:\n  body: [test, xxx]'),
      errors: [
        { messageId: 'placeholder', line: 6, column: 10, endLine: 6, endColumn: 14, message: 'Unexpected placeholder example `test` (a filler word) for `{{1}}`' },
        { messageId: 'placeholder', line: 6, column: 16, endColumn: 19, message: '(a run of x)' },
      ],
    },
    // the parameter's own number, and a template placeholder as the value
    { code: draft(BODY, 'examples:\n  body: ["1", "{{2}}"]'), errors: [{ messageId: 'placeholder', message: "(the parameter's own number)" }, { messageId: 'placeholder', message: '(a template placeholder)' }] },
    // numbered filler and lorem ipsum
    { code: draft(BODY, 'examples:\n  body: [sample 2, Lorem ipsum dolor]'), errors: [{ messageId: 'placeholder' }, { messageId: 'placeholder' }] },
    // Indonesian and Spanish filler words
    { code: draft('Halo {{1}}, pesanan {{2}} sudah dikirim.', 'examples:\n  body: [contoh, prueba]', { language: 'id' }), errors: [{ messageId: 'placeholder' }, { messageId: 'placeholder' }] },
    // a named parameter whose example is its own name
    { code: draft('Hi {{first_name}}, your order is ready.', 'parameter_format: named\nexamples:\n  body: {first_name: first_name}'), errors: [{ messageId: 'placeholder', line: 7, column: 22, endColumn: 32, message: "own name" }] },
    // a header example
    { code: draft(BODY, 'header: "Order {{1}}"\nexamples:\n  header: [XXXX]\n  body: [Ana, A-1042]'), errors: [{ messageId: 'placeholder', line: 7, column: 12, endColumn: 16 }] },
    // a value longer than 200 code points
    { code: draft(BODY, `examples:\n  body: [Ana, "${'A'.repeat(201)}"]`), errors: [{ messageId: 'carriesMessage', line: 6, column: 16, endColumn: 217, message: 'of 201 characters (more than 200)' }] },
    // a sentence of more than 20 words
    {
      code: draft('Notice: {{1}} Thank you for reading.', 'examples:\n  body: ["Your order has shipped and will arrive on Friday between nine and five so please make sure someone is at home to sign for it"]'),
      errors: [{ messageId: 'carriesMessage', message: 'with a sentence of 25 words (more than 20)' }],
    },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}}, order {{2}} is ready.","example":{"body_text":[["Ana","xxx"]]}}]}',
      errors: [{ messageId: 'placeholder', line: 1, column: 155, endColumn: 158 }],
    },
  ],
}, { describe, it });

describe('longestSentence', () => {
  it('counts the words of the longest sentence, as splitting at sentence ends and matching words does', () => {
    const reference = (value: string): number => Math.max(0, ...value.split(/[.!?。！？\n]+/u).map((s) => s.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0));
    expect(longestSentence('Halo Budi. Pesanan Anda sudah dikirim hari ini!')).toBe(6);
    expect(longestSentence('3.5 kg')).toBe(2);
    const pieces = ['Halo', 'Budi', ' ', '.', '!', '?', '。', '！', '？', '\n', "'", '’', '-', 'é', 'e\u0301', '\u0301', '12', '3.5', '😀', '\u{1D400}', '\ud800', '...'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 25 }), (parts) => {
        const value = parts.join('');
        expect(longestSentence(value)).toBe(reference(value));
      }),
      { numRuns: Number(process.env.PESAN_FUZZ_RUNS ?? 300) },
    );
  });
});
