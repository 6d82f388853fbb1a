import { describe, it } from 'vitest';
import rule from '../src/rules/mixed-param-format.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // positional only, body and header
    { code: draft('Hi {{1}}, your order {{2}} has shipped.', 'header: "Order {{1}}"') },
    // named only
    { code: draft('Hi {{first_name}}, your order {{order_id}} has shipped.', 'parameter_format: named') },
    // no parameters at all
    { code: draft('Your order has shipped. Thank you for shopping with us.') },
    // malformed placeholders are not a format
    { code: draft('Hi {{1}}, your order {{Order-Id}} has shipped.') },
    // Indonesian, positional URL button with a positional body
    { code: draft('Halo {{1}}, lacak paket Anda di tautan berikut.', 'buttons:\n  - {type: url, text: Lacak, url: "https://toko.example.com/t/{{1}}"}', { language: 'id' }) },
  ],
  invalid: [
    // a named parameter among positional ones: the named one is marked (positional is the default)
    { code: draft('Hi {{1}}, your order {{order_id}} has shipped.'), errors: [{ messageId: 'mixed', line: 6, column: 22, endLine: 6, endColumn: 34, message: 'Unexpected named parameter `{{order_id}}` in the body' }] },
    // declared named: the positional one is marked
    {
      code: draft('Hi {{first_name}}, your order {{2}} has shipped.', 'parameter_format: named'),
      errors: [{ messageId: 'mixed', line: 7, column: 31, endColumn: 36, message: 'Unexpected positional parameter `{{2}}`' }],
    },
    // named header with a positional body: reported once for the whole template
    { code: draft('Hi {{1}}, your order {{2}} has shipped.', 'header: "Order {{order_id}}"'), errors: [{ messageId: 'mixed', line: 5, column: 16, message: 'in the header' }] },
    // Spanish: URL button with a named parameter
    {
      code: draft('Hola {{1}}, su pedido fue enviado.', 'buttons:\n  - {type: url, text: Ver, url: "https://tienda.example.com/p/{{pedido}}"}', { language: 'es_MX' }),
      errors: [{ messageId: 'mixed', line: 6, message: 'URL of button 1' }],
    },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}}, order {{order_id}} is ready."}]}',
      errors: [{ messageId: 'mixed', line: 1, column: 106, endColumn: 118 }],
    },
  ],
}, { describe, it });
