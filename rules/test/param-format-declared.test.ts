import { describe, it } from 'vitest';
import rule from '../src/rules/param-format-declared.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // named parameters with parameter_format named
    { code: draft('Hi {{first_name}}, your order {{order_id}} has shipped.', 'parameter_format: named') },
    // the value is case-insensitive
    { code: draft('Hi {{first_name}}, your order has shipped.', 'parameter_format: NAMED') },
    // positional parameters without a declaration (the default)
    { code: draft('Hi {{1}}, your order {{2}} has shipped.') },
    // positional parameters declared positional
    { code: draft('Hi {{1}}, your order {{2}} has shipped.', 'parameter_format: positional') },
    // named format and no parameters at all
    { code: draft('Your order has shipped. Thank you for shopping with us.', 'parameter_format: named') },
    // mixed formats are mixed-param-format's
    { code: draft('Hi {{1}}, your order {{order_id}} has shipped.') },
    // Meta JSON with NAMED
    {
      filename: 'x.json',
      code: '{"name":"x","language":"es_MX","category":"UTILITY","parameter_format":"NAMED","components":[{"type":"BODY","text":"Hola {{nombre}}, su pedido fue enviado."}]}',
    },
  ],
  invalid: [
    // named parameters without parameter_format: suggestion adds the field after the category
    {
      code: draft('Hi {{first_name}}, your order {{order_id}} has shipped.'),
      errors: [{
        messageId: 'namedUndeclared', line: 6, column: 4, endLine: 6, endColumn: 18, message: 'with no `parameter_format` (positional by default), expected `parameter_format: named`',
        suggestions: ['---\nname: order_update\ncategory: UTILITY\nparameter_format: named\nlanguage: en_US\n---\nHi {{first_name}}, your order {{order_id}} has shipped.\n'],
      }],
    },
    // named parameters declared positional: suggestion replaces the value
    {
      code: draft('Halo {{nama}}, pesanan Anda sudah dikirim.', 'parameter_format: positional', { language: 'id' }),
      errors: [{ messageId: 'namedUndeclared', line: 7, column: 6, suggestions: [draft('Halo {{nama}}, pesanan Anda sudah dikirim.', 'parameter_format: named', { language: 'id' })] }],
    },
    // positional parameters with parameter_format named
    {
      code: draft('Hi {{1}}, your order {{2}} has shipped.', 'parameter_format: named'),
      errors: [{ messageId: 'positionalDeclaredNamed', line: 7, column: 4, endColumn: 9, suggestions: [draft('Hi {{1}}, your order {{2}} has shipped.', 'parameter_format: positional')] }],
    },
    // unknown value, marked on the value
    { code: draft('Hi {{1}}, your order {{2}} has shipped.', 'parameter_format: numbered'), errors: [{ messageId: 'unknown', line: 5, column: 19, endColumn: 27, message: 'expected `positional` or `named`' }] },
    // a named header parameter counts too
    { code: draft('Your order has shipped today.', 'header: "Order {{order_id}}"'), errors: [{ messageId: 'namedUndeclared', line: 5, column: 16, message: 'in the header' }] },
    // Meta JSON: named parameters without parameter_format; the suggestion inserts the JSON field
    {
      filename: 'x.json',
      code: '{"name":"x","language":"pt_BR","category":"UTILITY","components":[{"type":"BODY","text":"Olá {{nome}}, seu pedido foi enviado."}]}',
      errors: [{
        messageId: 'namedUndeclared', line: 1, column: 94, endColumn: 102, message: 'expected `"parameter_format": "NAMED"`',
        suggestions: ['{"name":"x","language":"pt_BR","category":"UTILITY", "parameter_format": "NAMED","components":[{"type":"BODY","text":"Olá {{nome}}, seu pedido foi enviado."}]}'],
      }],
    },
    // Meta JSON: unknown value
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","parameter_format":"NUMBERED","components":[{"type":"BODY","text":"Hi {{1}}, your order is ready."}]}',
      errors: [{ messageId: 'unknown', line: 1, column: 72, endColumn: 82, message: 'expected `POSITIONAL` or `NAMED`' }],
    },
  ],
}, { describe, it });
