import { describe, it } from 'vitest';
import rule from '../src/rules/example-required.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const NAMED = 'parameter_format: named';

runRuleTests(rule, {
  valid: [
    // one example per positional parameter
    { code: draft('Hi {{1}}, your order {{2}} has shipped.', 'examples:\n  body: [Ana, A-1042]') },
    // out-of-order use: examples follow the numbers, not the text order
    { code: draft('Your order {{2}} for {{1}} has shipped.', 'examples:\n  body: [Ana, A-1042]') },
    // named parameters with a map of examples, one name used twice
    { code: draft('Hi {{first_name}}, your order is ready. Thanks, {{first_name}}!', `${NAMED}\nexamples:\n  body: {first_name: Ana}`) },
    // no parameters and no examples
    { code: draft('Your order has shipped. Thank you for shopping with us.') },
    // a header parameter without an example is header-example-required's
    { code: draft('Your order {{1}} has shipped.', 'header: "Order {{1}}"\nexamples:\n  body: [A-1042]') },
    // header with one example for its one parameter
    { code: draft('Your order {{1}} has shipped.', 'header: "Order {{1}}"\nexamples:\n  header: ["#4521"]\n  body: [A-1042]') },
    // Meta JSON, positional examples nested in body_text
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}}, order {{2}} is ready.","example":{"body_text":[["Ana","A-1"]]}}]}',
    },
    // Meta JSON, named examples
    {
      filename: 'x.json',
      code: '{"name":"x","language":"es_MX","category":"UTILITY","parameter_format":"NAMED","components":[{"type":"BODY","text":"Hola {{nombre}}, su pedido está listo.","example":{"body_text_named_params":[{"param_name":"nombre","example":"Lucía"}]}}]}',
    },
  ],
  invalid: [
    // the second parameter has no example
    {
      code: draft('Hi {{1}}, your order {{2}} has shipped.', 'examples:\n  body: [Ana]'),
      errors: [{ messageId: 'missingExample', line: 8, column: 22, endLine: 8, endColumn: 27, message: 'Missing example value for body parameter `{{2}}`, expected value 2 of `examples.body`' }],
    },
    // no examples at all: each parameter is reported at its first use
    { code: draft('Hi {{1}}, your order {{2}} has shipped, {{1}}.'), errors: [{ messageId: 'missingExample', column: 4 }, { messageId: 'missingExample', column: 22 }] },
    // a blank example counts as missing
    { code: draft('Hi {{1}}, your order {{2}} has shipped.', 'examples:\n  body: [Ana, " "]'), errors: [{ messageId: 'missingExample', column: 22 }] },
    // an example too many (Indonesian): the extra value is marked, without its quotes
    {
      code: draft('Halo {{1}}, pesanan Anda sudah dikirim.', 'examples:\n  body: [Budi, "INV-2291"]', { language: 'id' }),
      errors: [{ messageId: 'extraExample', line: 6, column: 17, endLine: 6, endColumn: 25, message: 'Unexpected example value `INV-2291` for `{{2}}`, which the body does not use' }],
    },
    // examples but no parameter
    { code: draft('Your order has shipped. Thank you for shopping with us.', 'examples:\n  body: [Ana]'), errors: [{ messageId: 'extraExample', line: 6, column: 10, endColumn: 13 }] },
    // named: one name missing, one example for a name the body does not use
    {
      code: draft('Hi {{first_name}}, your order {{order_id}} has shipped.', `${NAMED}\nexamples:\n  body: {first_name: Ana, order: A-1042}`),
      errors: [
        { messageId: 'extraExample', line: 7, column: 34, endColumn: 40, message: '`{{order}}`' },
        { messageId: 'missingExample', line: 9, column: 31, endColumn: 43, message: '`order_id` under `examples.body`' },
      ],
    },
    // named parameters with a list of examples
    { code: draft('Hi {{first_name}}, your order has shipped.', `${NAMED}\nexamples:\n  body: [Ana]`), errors: [{ messageId: 'examplesShape', line: 7, message: 'Unexpected a list of body examples for named parameters' }] },
    // positional parameters with a map of examples (Portuguese)
    { code: draft('Olá {{1}}, seu pedido foi enviado.', 'examples:\n  body: {nome: Carla}', { language: 'pt_BR' }), errors: [{ messageId: 'examplesShape', line: 6, message: 'expected a list in parameter order' }] },
    // a header example too many
    {
      code: draft('Your order {{1}} has shipped.', 'header: "Order {{1}}"\nexamples:\n  header: ["#4521", "#4522"]\n  body: [A-1042]'),
      errors: [{ messageId: 'extraExample', line: 7, column: 22, endColumn: 27, message: 'which the header does not use' }],
    },
    // Meta JSON: a missing positional example
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}}, order {{2}} is ready.","example":{"body_text":[["Ana"]]}}]}',
      errors: [{ messageId: 'missingExample', line: 1, column: 106, endColumn: 111, message: 'value 2 of `example.body_text[0]`' }],
    },
    // Meta JSON: a missing named example
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","parameter_format":"NAMED","components":[{"type":"BODY","text":"Hi {{first_name}}, order {{order_id}} is ready.","example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"}]}}]}',
      errors: [{ messageId: 'missingExample', line: 1, message: '`"param_name": "order_id"`' }],
    },
  ],
}, { describe, it });
