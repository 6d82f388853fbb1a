import { describe, it } from 'vitest';
import rule from '../src/rules/param-value-whitespace.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const BODY = 'Hi {{1}}, your address is {{2}}.';

runRuleTests(rule, {
  valid: [
    // single-line values
    { code: draft(BODY, 'examples:\n  body: [Ana, "Jl. Sudirman 1, Jakarta"]') },
    // exactly four spaces in a row is still allowed
    { code: draft(BODY, 'examples:\n  body: [Ana, "Jl. Sudirman 1    Jakarta"]') },
    // line breaks in the template text are fine
    { code: draft('Hi {{1}},\n\nyour address is {{2}}.', 'examples:\n  body: [Ana, Jakarta]') },
    // Spanish values with single spaces
    { code: draft('Hola {{1}}, su cita es el {{2}}.', 'examples:\n  body: [Lucía, martes 18 de marzo]', { language: 'es_MX' }) },
  ],
  invalid: [
    // an escaped line break in a double-quoted YAML value: the two characters `\n` are marked
    { code: draft(BODY, 'examples:\n  body: [Ana, "Jl. Sudirman 1\\nJakarta"]'), errors: [{ messageId: 'newline', line: 6, column: 30, endLine: 6, endColumn: 32, message: 'Unexpected line break in the example for `{{2}}`' }] },
    // a tab
    { code: draft(BODY, 'examples:\n  body: ["Ana\\tMaria", Jakarta]'), errors: [{ messageId: 'tab', line: 6, column: 14, endColumn: 16 }] },
    // five spaces in a row
    { code: draft(BODY, 'examples:\n  body: [Ana, "Jl. Sudirman     Jakarta"]'), errors: [{ messageId: 'spaces', line: 6, column: 28, endColumn: 33, message: 'run of 5 spaces' }] },
    // each kind once per value
    { code: draft(BODY, 'examples:\n  body: [Ana, "A\\nB\\nC\\tD"]'), errors: [{ messageId: 'newline', column: 17 }, { messageId: 'tab', column: 23 }] },
    // a header example (Indonesian)
    { code: draft('Halo {{1}}, pesanan Anda sudah dikirim.', 'header: "Pesanan {{1}}"\nexamples:\n  header: ["INV\\t2291"]\n  body: [Budi]', { language: 'id' }), errors: [{ messageId: 'tab', line: 7, column: 16 }] },
    // a named example
    { code: draft('Hi {{first_name}}, your order is ready.', 'parameter_format: named\nexamples:\n  body: {first_name: "Ana\\nMaria"}'), errors: [{ messageId: 'newline', line: 7, message: '`{{first_name}}`' }] },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}}, ship to {{2}} today.","example":{"body_text":[["Ana","Jl. Sudirman\\nJakarta"]]}}]}',
      errors: [{ messageId: 'newline', line: 1, column: 166, endColumn: 168 }],
    },
  ],
}, { describe, it });
