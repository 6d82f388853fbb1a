import { describe, it } from 'vitest';
import rule from '../src/rules/param-not-sequential.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // 1, 2, 3 in order
    { code: draft('Hi {{1}}, your order {{2}} arrives on {{3}}.') },
    // out of order and reused, but no gap
    { code: draft('Hi {{2}}, your order {{1}} has shipped. Thanks, {{2}}!') },
    // the header has its own numbering
    { code: draft('Hi {{1}}, your order {{2}} has shipped.', 'header: "Order {{1}}"') },
    // a URL button has its own numbering
    { code: draft('Hi {{1}}, your order {{2}} has shipped.', 'buttons:\n  - {type: url, text: Track, url: "https://shop.example.com/t/{{1}}"}') },
    // named parameters are not numbered
    { code: draft('Hi {{first_name}}, your order {{order_id}} has shipped.', 'parameter_format: named') },
    // malformed placeholders without a number are not counted ({{0}} is positional-param-syntax's)
    { code: draft('Hi {{1}}, your order {{0}} has shipped.') },
    // a near-miss stands for its number: no gap once positional-param-syntax fixes it
    { code: draft('Hi {{1}}, your order {{ 2 }} arrives on {{3}}.') },
  ],
  invalid: [
    // a gap: {{4}} becomes {{3}}
    {
      code: draft('Hi {{1}}, your order {{2}} arrives on {{4}}.'),
      output: draft('Hi {{1}}, your order {{2}} arrives on {{3}}.'),
      errors: [{ messageId: 'notSequential', line: 6, column: 39, endLine: 6, endColumn: 44, message: 'Unexpected `{{4}}` in the body, expected parameters numbered from {{1}} without gaps (missing {{3}})' }],
    },
    // Meta's example {{1}}, {{2}}, {{5}}, {{4}}: renumbered keeping the order of the numbers
    {
      code: draft('Items {{1}}, {{2}}, then {{5}} and finally {{4}} for you.'),
      output: draft('Items {{1}}, {{2}}, then {{4}} and finally {{3}} for you.'),
      errors: [{ messageId: 'notSequential', column: 26, endColumn: 31, message: 'missing {{3}}' }],
    },
    // starts at 2 (Indonesian): every use is renumbered, repeated ones consistently
    {
      code: draft('Halo {{2}}, pesanan {{3}} sudah dikirim. Terima kasih, {{2}}.', '', { language: 'id' }),
      output: draft('Halo {{1}}, pesanan {{2}} sudah dikirim. Terima kasih, {{1}}.', '', { language: 'id' }),
      errors: [{ messageId: 'notSequential', column: 6, endColumn: 11, message: 'missing {{1}}' }],
    },
    // one example per distinct parameter: the examples still line up, so the fix applies
    {
      code: draft('Hi {{1}}, your order {{3}} has shipped.', 'examples:\n  body: [Ana, A-1042]'),
      output: draft('Hi {{1}}, your order {{2}} has shipped.', 'examples:\n  body: [Ana, A-1042]'),
      errors: [{ messageId: 'notSequential', line: 8, column: 22 }],
    },
    // examples numbered like the parameters (a blank for {{2}}): renumbering would misalign them, so no fix
    { code: draft('Hi {{1}}, your order {{3}} has shipped.', 'examples:\n  body: [Ana, "", A-1042]'), errors: [{ messageId: 'notSequential', line: 8, column: 22 }] },
    // a near-miss in the field: reported, but no fix (the two fixes together could merge parameters)
    { code: draft('Hi {{1}}, your order {02} arrives on {{4}}.'), errors: [{ messageId: 'notSequential', column: 38, endColumn: 43, message: '(missing {{3}})' }] },
    // many missing numbers are summarised
    { code: draft('Hi {{1}}, your order {{9}} has shipped.'), output: draft('Hi {{1}}, your order {{2}} has shipped.'), errors: [{ messageId: 'notSequential', message: 'missing {{2}}, {{3}}, {{4}}, {{5}}, {{6}} and 2 more' }] },
    // a header that starts at {{2}}
    {
      code: draft('Hi {{1}}, your order has shipped.', 'header: "Order {{2}}"\nexamples:\n  header: ["#4521"]'),
      output: draft('Hi {{1}}, your order has shipped.', 'header: "Order {{1}}"\nexamples:\n  header: ["#4521"]'),
      errors: [{ messageId: 'notSequential', line: 5, column: 16, endColumn: 21, message: 'in the header' }],
    },
    // Meta JSON: the fix keeps the escaped line break between the parameters
    {
      filename: 'x.json',
      code: '{"name":"x","language":"es_MX","category":"UTILITY","components":[{"type":"BODY","text":"Hola {{1}},\\nsu pedido {{3}} llega el {{4}}.","example":{"body_text":[["Lucía","P-1","martes"]]}}]}',
      output: '{"name":"x","language":"es_MX","category":"UTILITY","components":[{"type":"BODY","text":"Hola {{1}},\\nsu pedido {{2}} llega el {{3}}.","example":{"body_text":[["Lucía","P-1","martes"]]}}]}',
      errors: [{ messageId: 'notSequential', line: 1, column: 113, endColumn: 118 }],
    },
  ],
}, { describe, it });
