import { describe, it } from 'vitest';
import rule from '../src/rules/positional-param-syntax.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // well-formed positional parameters
    { code: draft('Hi {{1}}, your order {{2}} arrives on {{10}}.') },
    // well-formed named parameters
    { code: draft('Hi {{first_name}}, your order {{order_id2}} is ready.', 'parameter_format: named') },
    // braces in ordinary text that are not placeholder-like
    { code: draft('Reply with :-} or {} if you are happy with the delivery.') },
    // a camelCase name is named-param-syntax, not this rule
    { code: draft('Hi {{firstName}}, your order is ready.', 'parameter_format: named') },
    // a symbol inside the braces is param-special-chars, not this rule
    { code: draft('Your refund of {{$amount}} is on its way.', 'parameter_format: named') },
    // Spanish body, header and URL button, all well-formed
    {
      code: draft(
        'Hola {{1}}, su pedido {{2}} fue enviado.',
        'header: "Pedido {{1}}"\nbuttons:\n  - {type: url, text: Ver pedido, url: "https://tienda.example.com/p/{{1}}"}',
        { language: 'es_MX' },
      ),
    },
  ],
  invalid: [
    // spaces inside the braces: safe fix
    {
      code: draft('Hi {{ 1 }}, your order {{2}} has shipped.'),
      output: draft('Hi {{1}}, your order {{2}} has shipped.'),
      errors: [{ messageId: 'spaces', line: 6, column: 4, endLine: 6, endColumn: 11, message: 'expected `{{1}}`' }],
    },
    // spaces around a valid name: same fix
    {
      code: draft('Hi {{ first_name }}, your order is ready.', 'parameter_format: named'),
      output: draft('Hi {{first_name}}, your order is ready.', 'parameter_format: named'),
      errors: [{ messageId: 'spaces', line: 7, column: 4, endColumn: 20 }],
    },
    // single braces, one brace missing on each side, and triple braces: all fixed to two braces
    {
      code: draft('Hi {1}, order {{2} ships {3}} via {{{4}}}.'),
      output: draft('Hi {{1}}, order {{2}} ships {{3}} via {{4}}.'),
      errors: [
        { messageId: 'braces', column: 4, endColumn: 7, message: 'expected exactly two braces on each side: `{{1}}`' },
        { messageId: 'braces', column: 15, endColumn: 19 },
        { messageId: 'braces', column: 26, endColumn: 30 },
        { messageId: 'braces', column: 35, endColumn: 42 },
      ],
    },
    // an extra closing brace after a valid parameter
    { code: draft('Your code {{1}}} expires soon.'), output: draft('Your code {{1}} expires soon.'), errors: [{ messageId: 'braces', column: 11, endColumn: 17 }] },
    // single braces around a name: fixed when the name is valid
    {
      code: draft('Hi {first_name}, your order is ready.', 'parameter_format: named'),
      output: draft('Hi {{first_name}}, your order is ready.', 'parameter_format: named'),
      errors: [{ messageId: 'braces', column: 4 }],
    },
    // single braces around an invalid name: reported without a fix
    { code: draft('Hi {First-Name}, your order is ready.'), errors: [{ messageId: 'braces', message: 'such as `{{1}}`' }] },
    // a letter after the number, a leading zero, zero and empty braces
    {
      code: draft('Order {{1a}} for {{01}} ships {{0}} on {{}}.'),
      output: draft('Order {{1a}} for {{1}} ships {{0}} on {{}}.'),
      errors: [
        { messageId: 'notNumber', column: 7, endColumn: 13 },
        { messageId: 'leadingZero', column: 18, endColumn: 24, message: 'expected `{{1}}`' },
        { messageId: 'zero', column: 31, endColumn: 36 },
        { messageId: 'empty', column: 40, endColumn: 44 },
      ],
    },
    // header and URL button are checked too, each labelled in the message
    {
      code: draft('Your order {{1}} has shipped today.', 'header: "Order {1} shipped"\nbuttons:\n  - {type: url, text: Track, url: "https://shop.example.com/t/{{ 1 }}"}'),
      output: draft('Your order {{1}} has shipped today.', 'header: "Order {{1}} shipped"\nbuttons:\n  - {type: url, text: Track, url: "https://shop.example.com/t/{{1}}"}'),
      errors: [
        { messageId: 'braces', line: 5, column: 16, endColumn: 19, message: 'in the header' },
        { messageId: 'spaces', line: 7, column: 63, endColumn: 70, message: 'in the URL of button 1' },
      ],
    },
    // Indonesian body with a brace mistake
    {
      code: draft('Halo {{1}, pesanan Anda sudah dikirim.', '', { language: 'id' }),
      output: draft('Halo {{1}}, pesanan Anda sudah dikirim.', '', { language: 'id' }),
      errors: [{ messageId: 'braces', line: 6, column: 6, endColumn: 10 }],
    },
    // Meta JSON: positions and the fix point into the JSON string
    {
      filename: 'x.json',
      code: '{"name":"x","language":"pt_BR","category":"UTILITY","components":[{"type":"BODY","text":"Olá {{ 1 }}, seu pedido\\nfoi enviado."}]}',
      output: '{"name":"x","language":"pt_BR","category":"UTILITY","components":[{"type":"BODY","text":"Olá {{1}}, seu pedido\\nfoi enviado."}]}',
      errors: [{ messageId: 'spaces', line: 1, column: 94, endColumn: 101 }],
    },
  ],
}, { describe, it });
