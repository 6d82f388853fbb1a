import { describe, it } from 'vitest';
import rule from '../src/rules/param-value-length.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

// 34 + 22 × 43 + 7 = 987 code points
const LONG = `Hi {{1}}, your order has shipped. ${'Please keep this message for your records. '.repeat(22)}Thanks.`;
const examples = (value: string): string => `examples:\n  body: ["${value}"]`;

runRuleTests(rule, {
  valid: [
    // short body, short values
    { code: draft('Hi {{1}}, your order {{2}} has shipped.', 'examples:\n  body: [Ana, A-1042]') },
    // long body: 985 rendered + 25 headroom stays within 1,024
    { code: draft(LONG, examples('Ana')) },
    // no parameters: nothing to fill in
    { code: draft('x'.repeat(1024)) },
    // already too long as written: body-too-long's finding, not this rule's
    { code: draft(`${LONG}${'y'.repeat(100)}`, examples('A'.repeat(100))) },
    // no headroom buffer requested
    { code: draft(LONG, examples('A'.repeat(30))), options: { bufferPerParam: 0 } },
  ],
  invalid: [
    // a 100-character example pushes the rendered body to 1,082
    {
      code: draft(LONG, examples('A'.repeat(100))),
      errors: [{ messageId: 'renderedTooLong', line: 8, column: 4, endLine: 8, endColumn: 9, message: 'Unexpected body of 1082 characters once the examples are filled in, expected at most 1024; the longest example is for `{{1}}` (100 characters)' }],
    },
    // 1,012 rendered leaves 12 characters, 25 wanted
    {
      code: draft(LONG, examples('A'.repeat(30))),
      errors: [{ messageId: 'noHeadroom', line: 8, column: 4, endColumn: 9, message: 'Unexpected headroom of 12 characters below 1024 (the body is 1012 characters with the examples), expected at least 25: 25 per parameter for 1 parameter' }],
    },
    // the longest of several examples is marked (Indonesian, named)
    {
      code: draft('Halo {{nama}}, alamat {{alamat}} sudah dicatat.', 'parameter_format: named\nexamples:\n  body: {nama: Budi, alamat: "Jl. Sudirman 1, Jakarta Pusat"}', { language: 'id' }),
      options: { max: 60 },
      errors: [{ messageId: 'renderedTooLong', line: 9, column: 23, endColumn: 33, message: 'at most 60' }],
    },
    // a parameter without an example counts as the placeholder itself
    { code: draft('Hi {{1}}, your order {{2}} is ready.'), options: { max: 50 }, errors: [{ messageId: 'noHeadroom', column: 4, endColumn: 27, message: 'for 2 parameters' }] },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}}, your order {{2}} is ready.","example":{"body_text":[["Ana","A-1"]]}}]}',
      options: { max: 50 },
      errors: [{ messageId: 'noHeadroom', line: 1, column: 93, endColumn: 116, message: 'the body is 32 characters' }],
    },
  ],
}, { describe, it });
